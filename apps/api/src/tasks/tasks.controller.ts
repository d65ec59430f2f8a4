import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { declineTaskUpdate, reassignTaskUpdate, rescheduleTaskUpdate, unclaimTaskUpdate, type Locale, type TaskView } from '@lib/contracts';
import { CurrentCaller, OpenToPartners, Roles } from '../auth/auth.decorators';
import type { Caller } from '../auth/caller';
import { CallerLocale } from '../common/caller-locale';
import { ApiIdempotencyKey, IdempotencyKey } from '../common/idempotency-key';
import { RequestId } from '../common/request-id';
import { uuidPipe } from '../common/uuid.pipe';
import type { Page } from '../common/page.query';
import type { TaskEntity } from '@lib/persistence';
import { DirectoryRefsPipe } from '../people/directory-refs.service';
import { BulkReassignDto } from './dto/bulk-reassign.dto';
import { CompleteTaskDto } from './dto/complete-task.dto';
import { ListTasksQuery } from './dto/list-tasks.query';
import { ReasonDto, ReassignTaskDto, RescheduleTaskDto } from './dto/task-commands.dto';
import { TaskReassignment, type BulkReassignResult } from './task-reassignment.service';
import { TasksService } from './tasks.service';

/** The task inbox: experts act on their tasks, coordinators reassign and reschedule. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly reassignment: TaskReassignment,
  ) {}

  @Get()
  @OpenToPartners()
  @ApiOperation({ summary: 'My tasks and my groups’ unclaimed tasks (coordinators: their participations’; supervisors: all)' })
  list(@CurrentCaller() caller: Caller, @Query() query: ListTasksQuery): Promise<Page<TaskEntity>> {
    return this.tasks.list(caller, query);
  }

  @Get(':id')
  @OpenToPartners()
  @ApiOperation({ summary: 'One task, if the caller may see it (404 otherwise)' })
  get(@CurrentCaller() caller: Caller, @Param('id', uuidPipe) id: string): Promise<TaskEntity> {
    return this.tasks.get(caller, id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Roles('expert', 'coordinator')
  @ApiOperation({ summary: 'Take a task (a group task becomes mine; only its group’s members may take it)' })
  claim(@CurrentCaller() caller: Caller, @Param('id', uuidPipe) id: string, @RequestId() requestId?: string): Promise<TaskView> {
    return this.tasks.claim(caller, id, { taskId: id, actorId: caller.id, requestId });
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  @Roles('expert', 'coordinator')
  @ApiOperation({ summary: 'Give a claimed task back (a group task returns to the group)' })
  unclaim(@CurrentCaller() caller: Caller, @Param('id', uuidPipe) id: string, @RequestId() requestId?: string): Promise<TaskView> {
    return this.tasks.act(caller, id, unclaimTaskUpdate, { taskId: id, actorId: caller.id, requestId });
  }

  @Post(':id/complete')
  @HttpCode(200)
  // Partners deliver their own tasks (a project's progress reports), and nothing else of a task.
  @Roles('expert', 'coordinator', 'partner')
  @ApiOperation({ summary: 'Complete a task with its deliverable (person fields must name active people); 409 if it is no longer open' })
  @ApiIdempotencyKey()
  complete(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Body() body: CompleteTaskDto,
    @RequestId() requestId?: string,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<TaskView> {
    const { summary, fields, notes, references } = body.deliverable;
    const deliverable = { summary, fields, notes, references };
    const update = { taskId: id, actorId: caller.id, deliverable, requestId };
    return this.tasks.complete(caller, id, update, idempotencyKey);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('expert', 'coordinator')
  @ApiOperation({ summary: 'Decline a task with a reason: a group task returns to the group, otherwise the coordinator reassigns it' })
  decline(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Body() body: ReasonDto,
    @RequestId() requestId?: string,
  ): Promise<TaskView> {
    return this.tasks.act(caller, id, declineTaskUpdate, { taskId: id, actorId: caller.id, reason: body.reason, requestId });
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Assign the task to someone else, with the reason recorded' })
  reassign(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Body(DirectoryRefsPipe) body: ReassignTaskDto,
    @RequestId() requestId?: string,
  ): Promise<TaskView> {
    return this.tasks.coordinate(caller, id, reassignTaskUpdate, { taskId: id, actorId: caller.id, ...body, requestId });
  }

  @Post('reassign')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({
    summary:
      'Move the tasks of one person to another (filters: participation, kind, status), each through its workflow: what moved, what was refused and why',
  })
  reassignAll(
    @CurrentCaller() caller: Caller,
    @Body(DirectoryRefsPipe) body: BulkReassignDto,
    @CallerLocale() locale: Locale,
    @RequestId() requestId?: string,
  ): Promise<BulkReassignResult> {
    return this.reassignment.reassignAll(caller, body, locale, requestId);
  }

  @Patch(':id')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Change the due date or priority, with the reason recorded' })
  reschedule(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Body() body: RescheduleTaskDto,
    @RequestId() requestId?: string,
  ): Promise<TaskView> {
    return this.tasks.coordinate(caller, id, rescheduleTaskUpdate, { taskId: id, actorId: caller.id, ...body, requestId });
  }
}
