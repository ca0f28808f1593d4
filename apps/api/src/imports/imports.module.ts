import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

/** The API side of imports: upload, progress, errors, cancel, apply, templates. The worker runs them. */
@Module({
  imports: [QueueModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsRepository],
})
export class ImportsModule {}
