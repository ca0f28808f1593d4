import 'reflect-metadata';
import { createHttpApp } from './bootstrap/http-app';
import { ConfigValidationError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  const config = loadConfig();
  const { app, logger } = await createHttpApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.info({ url: config.appUrl }, 'api listening');
}

main().catch((error: unknown) => {
  // A settings problem is the operator's to fix: one readable message, no stack.
  if (error instanceof ConfigValidationError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
