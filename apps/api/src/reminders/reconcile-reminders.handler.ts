import { Logger } from '@nestjs/common';
import { JobHandler } from '../queue/job-handler.decorator';
import { JobProducer } from '../queue/job-producer';
import type { ReconcileRemindersPayload } from '../queue/job-payloads';
import { JobName, QueueName } from '../queue/queue-names';
import { PendingReminder, RemindersRepository } from './reminders.repository';
import { reminderJobId } from './reminders.service';

const BATCH = 500;
/** Job states in which the job will still fire the reminder, or is firing it. */
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Compares the pending reminders in PostgreSQL with the jobs in Redis and makes again the jobs that are
 * missing (Redis restarted empty) or finished without firing (a job that failed for good). Runs at each
 * worker start and every few minutes; a reminder already past its time fires at once.
 */
@JobHandler(JobName.ReconcileReminders)
export class ReconcileRemindersHandler implements JobHandler<JobName.ReconcileReminders> {
  private readonly logger = new Logger(ReconcileRemindersHandler.name);

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly producer: JobProducer,
  ) {}

  async handle({ reason }: ReconcileRemindersPayload): Promise<void> {
    let checked = 0;
    let restored = 0;
    for (let after: PendingReminder | null = null; ;) {
      const batch = await this.reminders.pendingAfter(after, BATCH);
      checked += batch.length;
      const results = await Promise.all(batch.map((reminder) => this.reconcile(reminder)));
      restored += results.filter(Boolean).length;
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1];
    }
    const entry = { msg: 'pending reminders checked against their jobs', reason, checked, restored };
    if (restored > 0) this.logger.warn(entry);
    else this.logger.log(entry);
  }

  private async reconcile(reminder: PendingReminder): Promise<boolean> {
    const queue = this.producer.queue(QueueName.Reminders);
    const jobId = reminderJobId(reminder.id, reminder.occurrence, reminder.recoveries);
    const state = await queue.getJobState(jobId);
    if (LIVE_STATES.has(state)) return false;
    let id = jobId;
    if (state === 'completed' || state === 'failed') {
      // That job ended without firing this occurrence; BullMQ would drop a new job under its id.
      const recoveries = await this.reminders.countRecovery(reminder.id, reminder.occurrence);
      if (recoveries === null) return false;
      id = reminderJobId(reminder.id, reminder.occurrence, recoveries);
    }
    await this.producer.add(
      JobName.FireReminder,
      { reminderId: reminder.id, occurrence: reminder.occurrence },
      { jobId: id, delayMs: Math.max(0, new Date(reminder.dueAt).getTime() - Date.now()) },
    );
    this.logger.warn({ msg: 'reminder given a job again', reminderId: reminder.id, state, jobId: id });
    return true;
  }
}
