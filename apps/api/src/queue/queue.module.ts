import { Module } from '@nestjs/common';
import { JobProducer } from './job-producer';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/** Sending jobs: the outbox (with a database change) and the direct producer. Used by the API and the worker. */
@Module({
  providers: [OutboxRepository, OutboxService, JobProducer],
  exports: [OutboxRepository, OutboxService, JobProducer],
})
export class QueueModule {}
