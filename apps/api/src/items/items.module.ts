import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { TimelineModule } from '../timeline/timeline.module';
import { RecordLinksModule } from '../records/record-links';
import { BoardController } from './board.controller';
import { ItemRecordLinks } from './item-record-links';
import { ItemsRepository } from './items.repository';
import { ItemsService } from './items.service';

/** The pipeline engine every kind of item builds on. */
@Module({
  imports: [CalendarModule, TimelineModule, RecordLinksModule],
  controllers: [BoardController],
  providers: [ItemsService, ItemsRepository, ItemRecordLinks],
  exports: [ItemsService],
})
export class ItemsModule {}
