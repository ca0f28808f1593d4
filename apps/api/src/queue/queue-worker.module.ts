import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobHandlerRegistry } from './job-handler.registry';
import { OutboxRelay } from './outbox.relay';
import { QueueModule } from './queue.module';
import { WorkerHost } from './worker-host';

/** Running jobs: handler discovery, BullMQ workers and the outbox relay. Only the worker process imports it. */
@Module({
  imports: [DiscoveryModule, QueueModule],
  providers: [JobHandlerRegistry, OutboxRelay, WorkerHost],
  exports: [WorkerHost],
})
export class QueueWorkerModule {}
