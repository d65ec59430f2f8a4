import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TaskView } from '@lib/contracts';
import type { TaskEntity } from '@lib/persistence';
import { ApiIdempotencyKey, IdempotencyKey } from '../common/idempotency-key';
import { uuidPipe } from '../common/uuid.pipe';
import { CompleteTaskDto } from './dto/complete-task.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get(':id')
  @ApiOperation({ summary: 'One task as stored' })
  get(@Param('id', uuidPipe) id: string): Promise<TaskEntity> {
    return this.tasks.get(id);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete a task with its deliverable; 409 if it is no longer open' })
  @ApiIdempotencyKey()
  complete(
    @Param('id', uuidPipe) id: string,
    @Body() body: CompleteTaskDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<TaskView> {
    return this.tasks.complete(id, body, idempotencyKey);
  }
}
