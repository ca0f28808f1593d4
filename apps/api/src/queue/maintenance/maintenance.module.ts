import { Module } from '@nestjs/common';
import { QueueModule } from '../queue.module';
import { PurgeRelayedOutboxHandler } from './purge-relayed-outbox.handler';

/** Housekeeping jobs of the platform itself. */
@Module({ imports: [QueueModule], providers: [PurgeRelayedOutboxHandler] })
export class MaintenanceModule {}
