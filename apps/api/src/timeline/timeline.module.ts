import { Global, Module } from '@nestjs/common';
import { RecordLinksModule } from '../records/record-links';
import { TimelineController } from './timeline.controller';
import { TimelineRepository } from './timeline.repository';
import { TimelineService } from './timeline.service';

/** Global: every module that changes a record tells its timeline, in the same transaction. */
@Global()
@Module({
  imports: [RecordLinksModule],
  controllers: [TimelineController],
  providers: [TimelineService, TimelineRepository],
  exports: [TimelineService],
})
export class TimelineModule {}
