import { Logger } from '@nestjs/common';
import { JobHandler } from '../job-handler.decorator';
import type { PurgeRelayedOutboxPayload } from '../job-payloads';
import { OutboxRepository } from '../outbox.repository';
import { JobName } from '../queue-names';

/** Keeps the outbox table small; relayed messages are only kept for tracing a recent job back to its change. */
@JobHandler(JobName.PurgeRelayedOutbox)
export class PurgeRelayedOutboxHandler implements JobHandler<JobName.PurgeRelayedOutbox> {
  private readonly logger = new Logger(PurgeRelayedOutboxHandler.name);

  constructor(private readonly outbox: OutboxRepository) {}

  async handle({ retentionDays }: PurgeRelayedOutboxPayload): Promise<void> {
    const deleted = await this.outbox.deleteRelayedBefore(retentionDays);
    this.logger.log({ msg: 'relayed outbox messages purged', deleted, retentionDays });
  }
}
