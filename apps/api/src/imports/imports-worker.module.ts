import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ContactImporter } from './importers/contact-importer';
import { OrganizationImporter } from './importers/organization-importer';
import { ImportRunner } from './import-runner';
import { ImportsRepository } from './imports.repository';
import { PurgeImportFilesHandler } from './purge-import-files.handler';
import { RunImportHandler } from './run-import.handler';

/** The worker side of imports: the job handler and what it writes with. */
@Module({
  providers: [
    AuditService,
    ImportsRepository,
    OrganizationImporter,
    ContactImporter,
    ImportRunner,
    RunImportHandler,
    PurgeImportFilesHandler,
  ],
})
export class ImportsWorkerModule {}
