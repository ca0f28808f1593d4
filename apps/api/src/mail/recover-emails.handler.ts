import { Logger } from '@nestjs/common';
import { JobHandler } from '../queue/job-handler.decorator';
import { JobProducer } from '../queue/job-producer';
import type { RecoverEmailsPayload } from '../queue/job-payloads';
import { JobName, QueueName } from '../queue/queue-names';
import { EmailMessagesRepository, UnsettledEmail } from './email-messages.repository';

const BATCH = 500;
/** Job states in Redis that will still run the email's job, or are running it. */
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** BullMQ refuses ':' in custom ids; the suffix keeps each recovery's job distinct from the last. */
export function recoveryJobId(emailId: string, recovery: number): string {
  return `email-${emailId}-r${recovery}`;
}

/**
 * Gives every unsettled email (queued or sending) a job again when Redis no longer holds a live one: Redis
 * restarted empty, or BullMQ gave up on a job that stalled too often. Runs at each worker start and every
 * few minutes. An email whose first job is still in the outbox is left to the relay.
 */
@JobHandler(JobName.RecoverEmails)
export class RecoverEmailsHandler implements JobHandler<JobName.RecoverEmails> {
  private readonly logger = new Logger(RecoverEmailsHandler.name);

  constructor(
    private readonly emails: EmailMessagesRepository,
    private readonly producer: JobProducer,
  ) {}

  async handle({ reason }: RecoverEmailsPayload): Promise<void> {
    let checked = 0;
    let requeued = 0;
    // The emails of a batch share their job: its state is asked once.
    const states = new Map<string, Promise<string>>();
    const stateOf = (jobId: string) => {
      let state = states.get(jobId);
      if (!state) states.set(jobId, (state = this.producer.queue(QueueName.Email).getJobState(jobId)));
      return state;
    };
    for (let after = FIRST_ID; ;) {
      const batch = await this.emails.unsettled(after, BATCH);
      checked += batch.length;
      const results = await Promise.all(batch.map((email) => this.recover(email, stateOf)));
      requeued += results.filter(Boolean).length;
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1].id;
    }
    if (requeued > 0) this.logger.warn({ msg: 'emails given new jobs', reason, checked, requeued });
    else this.logger.log({ msg: 'unsettled emails checked', reason, checked });
  }

  private async recover(email: UnsettledEmail, stateOf: (jobId: string) => Promise<string>): Promise<boolean> {
    const state = email.jobId ? await stateOf(email.jobId) : 'unknown';
    if (LIVE_STATES.has(state)) return false;
    // A finished job no longer runs, so what it left in `sending` is the new job's to claim at once. A job
    // missing from Redis may still be running somewhere; its claim then has to age past the lease.
    const finished = state === 'completed' || state === 'failed';
    const jobId = recoveryJobId(email.id, email.recoveries + 1);
    if (!(await this.emails.replaceJob(email.id, email.jobId, jobId, finished))) return false;
    await this.producer.add(JobName.SendEmail, { emailMessageId: email.id }, { jobId });
    this.logger.warn({ msg: 'email given a new job', emailId: email.id, previousJob: email.jobId, state, jobId });
    return true;
  }
}
