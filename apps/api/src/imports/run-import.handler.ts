import type { Job } from 'bullmq';
import { JobHandler } from '../queue/job-handler.decorator';
import type { RunImportPayload } from '../queue/job-payloads';
import { JobName } from '../queue/queue-names';
import { ImportRunner } from './import-runner';

/** Runs an import; a retry resumes after the rows already committed. */
@JobHandler(JobName.RunImport)
export class RunImportHandler implements JobHandler<JobName.RunImport> {
  constructor(private readonly runner: ImportRunner) {}

  handle({ importJobId }: RunImportPayload, job: Job<RunImportPayload>): Promise<void> {
    return this.runner.run(importJobId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }
}
