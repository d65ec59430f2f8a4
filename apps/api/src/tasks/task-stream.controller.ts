import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { filter, map, type Observable } from 'rxjs';
import type { TaskEvent } from '@lib/persistence';
import { CurrentCaller, OpenToPartners } from '../auth/auth.decorators';
import { hasRole, type Caller } from '../auth/caller';
import { TaskEventsService } from './task-events.service';

/** Whether the caller's inbox shows this task (the same rule as task-visibility.ts, on an event). */
export function concerns(caller: Caller, event: TaskEvent): boolean {
  if (hasRole(caller, 'supervisor')) return true;
  if (caller.roles.includes('coordinator') && event.coordinatorId === caller.id) return true;
  return event.assigneeId === caller.id || (event.candidateGroup !== null && caller.groups.includes(event.candidateGroup));
}

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks/events')
export class TaskStreamController {
  constructor(private readonly events: TaskEventsService) {}

  @Sse()
  @OpenToPartners()
  @ApiOperation({ summary: 'Server-sent events: a message each time a task in the caller’s inbox changes' })
  stream(@CurrentCaller() caller: Caller): Observable<MessageEvent> {
    return this.events.stream.pipe(
      filter((event) => concerns(caller, event)),
      map((event) => ({ type: 'task', data: event })),
    );
  }
}
