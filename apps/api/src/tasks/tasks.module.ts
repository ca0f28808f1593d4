import { Global, Module } from '@nestjs/common';
import { RecordLinksModule } from '../records/record-links';
import { TasksController } from './tasks.controller';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

/** Global: deleting or merging a record moves or detaches its tasks in the same transaction. */
@Global()
@Module({
  imports: [RecordLinksModule],
  controllers: [TasksController],
  providers: [TasksService, TasksRepository],
  exports: [TasksService],
})
export class TasksModule {}
