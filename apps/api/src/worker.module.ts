import { DynamicModule, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { createLogger, NestPinoLogger } from './common/logger';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { ImportsWorkerModule } from './imports/imports-worker.module';
import { MailWorkerModule } from './mail/mail-worker.module';
import { MaintenanceModule } from './queue/maintenance/maintenance.module';
import { QueueWorkerModule } from './queue/queue-worker.module';
import { RedisModule } from './redis/redis.module';
import { RemindersWorkerModule } from './reminders/reminders-worker.module';

/** Modules that own `@JobHandler`s; add a feature's module here when it gains a job. */
export const HANDLER_MODULES: Type[] = [
  MaintenanceModule,
  ImportsWorkerModule,
  MailWorkerModule,
  RemindersWorkerModule,
];

/** The worker process: queues and the outbox relay, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, handlerModules: Type[] = HANDLER_MODULES): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, RedisModule, QueueWorkerModule, ...handlerModules],
    };
  }
}

/** Builds the worker exactly as production runs it (jobs start with `WorkerHost.start()`); tests call this too. */
export function createWorkerApp(config: AppConfig, handlerModules?: Type[]): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config, handlerModules), {
    logger: new NestPinoLogger(createLogger(config, 'worker')),
    abortOnError: false,
  });
}
