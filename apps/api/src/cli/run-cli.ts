import { ConfigValidationError } from '../config/app-config';

/** Runs a command-line task: readable errors, exit code 1 on failure. */
export function runCli(name: string, task: () => Promise<void>): void {
  const started = Date.now();
  task().then(
    () => {
      console.log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(
        `${name} failed: ${error instanceof ConfigValidationError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exit(1);
    },
  );
}
