import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { PipelinesModule } from '../pipelines/pipelines.module';
import { ReportClock } from './report-clock';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Manager reports over the pipelines, the land bank, events and loans: read-only, one statement per figure set. */
@Module({
  imports: [PipelinesModule, CalendarModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsRepository, ReportClock],
})
export class ReportsModule {}
