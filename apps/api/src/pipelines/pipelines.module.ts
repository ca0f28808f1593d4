import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { PipelineStagesController } from './pipeline-stages.controller';
import { PipelinesController } from './pipelines.controller';
import { PipelinesRepository } from './pipelines.repository';
import { PipelinesService } from './pipelines.service';
import { StageSettingsService } from './stage-settings.service';

@Module({
  imports: [CalendarModule],
  controllers: [PipelinesController, PipelineStagesController],
  providers: [PipelinesService, PipelinesRepository, StageSettingsService],
  exports: [PipelinesService],
})
export class PipelinesModule {}
