import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { TimelineModule } from '../timeline/timeline.module';
import { BoardController } from './board.controller';
import { ItemsRepository } from './items.repository';
import { ItemsService } from './items.service';

/** The pipeline engine every kind of item builds on. */
@Module({
  imports: [CalendarModule, TimelineModule],
  controllers: [BoardController],
  providers: [ItemsService, ItemsRepository],
  exports: [ItemsService],
})
export class ItemsModule {}
