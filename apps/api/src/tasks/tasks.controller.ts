import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Page, Task, TaskSummary } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../auth/request-principal';
import {
  CreateTaskDto,
  DeleteTaskQueryDto,
  TaskDto,
  TaskListQueryDto,
  TaskPageDto,
  TaskSummaryDto,
  UpdateTaskDto,
} from './task.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: TaskPageDto, description: 'By due time; done tasks latest first' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: TaskListQueryDto): Promise<Page<Task>> {
    return this.tasks.list(principal, query);
  }

  @Get('summary')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: TaskSummaryDto, description: 'Your open tasks per bucket' })
  summary(@CurrentPrincipal() principal: Principal): Promise<TaskSummary> {
    return this.tasks.summary(principal);
  }

  @Post()
  @RequireAccess(Access.User)
  @ApiCreatedResponse({ type: TaskDto })
  @ApiForbiddenResponse({ description: 'Staff give tasks only to themselves' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown assignee or subject' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateTaskDto): Promise<Task> {
    return this.tasks.create(principal, body);
  }

  @Patch(':id')
  @RequireAccess(Access.OwnerOrManager)
  @ApiOkResponse({ type: TaskDto })
  @ApiForbiddenResponse({ description: 'Staff change tasks given to them or created by them' })
  @ApiConflictResponse({ description: 'Stale version' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateTaskDto,
  ): Promise<Task> {
    return this.tasks.update(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireAccess(Access.OwnerOrManager)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Staff delete tasks they created' })
  @ApiConflictResponse({ description: 'Stale version' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DeleteTaskQueryDto,
  ): Promise<void> {
    return this.tasks.remove(principal, id, query.version);
  }
}
