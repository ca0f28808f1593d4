import { Module } from '@nestjs/common';
import { HolidaysController } from './holidays.controller';
import { HolidaysRepository } from './holidays.repository';
import { HolidaysService } from './holidays.service';

/** The working-day calendar's data: the holidays SLAs skip. */
@Module({
  controllers: [HolidaysController],
  providers: [HolidaysService, HolidaysRepository],
  exports: [HolidaysService],
})
export class CalendarModule {}
