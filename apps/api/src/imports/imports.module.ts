import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { QueueModule } from '../queue/queue.module';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

/** The API side of imports: upload, progress, errors, cancel, apply, templates. The worker runs them. */
@Module({
  // Events: who may import an event's attendees is who may add them.
  imports: [QueueModule, EventsModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsRepository],
})
export class ImportsModule {}
