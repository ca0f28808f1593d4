import { Logger } from '@nestjs/common';
import { JobHandler } from '../queue/job-handler.decorator';
import type { PurgeImportFilesPayload } from '../queue/job-payloads';
import { JobName } from '../queue/queue-names';
import { ImportsRepository } from './imports.repository';

/**
 * Uploaded files are kept only so a job can run (or a dry run be applied) later; after the
 * retention period they are deleted. The jobs keep their counts and row errors.
 */
@JobHandler(JobName.PurgeImportFiles)
export class PurgeImportFilesHandler implements JobHandler<JobName.PurgeImportFiles> {
  private readonly logger = new Logger(PurgeImportFilesHandler.name);

  constructor(private readonly imports: ImportsRepository) {}

  async handle({ retentionDays }: PurgeImportFilesPayload): Promise<void> {
    const deleted = await this.imports.deleteFilesBefore(retentionDays);
    this.logger.log({ msg: 'old import files purged', deleted, retentionDays });
  }
}
