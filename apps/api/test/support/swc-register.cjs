// Lets a child process run the API's TypeScript sources as Jest does (same SWC settings), so tests can
// spawn the real worker entry point without a build: `node -r ./apps/api/test/support/swc-register.cjs
// apps/api/src/worker.ts`.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..', '..', '..', '..');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const shared = /^@irm\/(contracts|domain)$/.exec(request);
  const target = shared ? path.join(root, 'libs', shared[1], 'src', 'index.ts') : request;
  return resolveFilename.call(this, target, ...rest);
};

for (const extension of ['.ts', '.tsx']) {
  Module._extensions[extension] = (module, filename) => {
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
      filename,
      jsc: {
        parser: { syntax: 'typescript', decorators: true, tsx: extension === '.tsx' },
        transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    });
    module._compile(code, filename);
  };
}
