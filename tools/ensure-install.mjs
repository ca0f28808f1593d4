// Installs dependencies when node_modules is missing or older than package-lock.json.
// Node builtins only: this is what makes the other packages available.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { info, root, run } from './proc.mjs';

const mtime = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;

/** Resolves true when it installed, false when node_modules was already current. */
export async function ensureInstall() {
  const lock = mtime(path.join(root, 'package-lock.json'));
  // npm rewrites node_modules/.package-lock.json on every install, so it dates the tree.
  const installed = mtime(path.join(root, 'node_modules', '.package-lock.json'));
  if (installed !== undefined && (lock === undefined || lock <= installed)) {
    info('node_modules is up to date');
    return false;
  }
  const args = lock === undefined ? ['install'] : ['ci'];
  info(installed === undefined ? `node_modules missing: npm ${args[0]}` : `package-lock.json changed: npm ${args[0]}`);
  await run('npm', [...args, '--no-audit', '--no-fund'], { name: 'npm' });
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureInstall().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
