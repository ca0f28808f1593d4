import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EventsModule } from '../events/events.module';
import { TasksModule } from '../tasks/tasks.module';
import { TimelineModule } from '../timeline/timeline.module';
import { AttendeeImporter } from './importers/attendee-importer';
import { ContactImporter } from './importers/contact-importer';
import { OrganizationImporter } from './importers/organization-importer';
import { ImportRunner } from './import-runner';
import { ImportsRepository } from './imports.repository';
import { PurgeImportFilesHandler } from './purge-import-files.handler';
import { RunImportHandler } from './run-import.handler';

/**
 * The worker side of imports: the job handler and what it writes with. Attendee imports add people to events
 * through the events module, which writes audit, timeline and tasks as it does for the API.
 */
@Module({
  imports: [AuditModule, TimelineModule, TasksModule, EventsModule],
  providers: [
    ImportsRepository,
    OrganizationImporter,
    ContactImporter,
    AttendeeImporter,
    ImportRunner,
    RunImportHandler,
    PurgeImportFilesHandler,
  ],
})
export class ImportsWorkerModule {}
