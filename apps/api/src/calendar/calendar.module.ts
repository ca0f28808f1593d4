import { Module } from '@nestjs/common';
import { HolidaysController } from './holidays.controller';
import { HolidaysRepository } from './holidays.repository';
import { HolidaysService } from './holidays.service';
import { WorkingCalendarService } from './working-calendar.service';

/** The working-day calendar's data: the holidays SLAs skip. */
@Module({
  controllers: [HolidaysController],
  providers: [HolidaysService, HolidaysRepository, WorkingCalendarService],
  exports: [HolidaysService, WorkingCalendarService],
})
export class CalendarModule {}
