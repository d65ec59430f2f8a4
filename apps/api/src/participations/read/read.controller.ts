import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TaskEntity } from '@lib/persistence';
import { CurrentCaller, Roles } from '../../auth/auth.decorators';
import type { Caller } from '../../auth/caller';
import { uuidPipe } from '../../common/uuid.pipe';
import { ListParticipationsQuery } from './list-participations.query';
import type { ParticipationList } from './participation-list.view';
import type { ParticipationDetail } from './participation.view';
import { ParticipationReader } from './participation-reader.service';
import { ParticipationSearch } from './participation-search.service';

/** Reading participations: the list with its filters, one participation with its live state, its tasks. */
@ApiTags('participations')
@ApiBearerAuth()
@Roles('coordinator', 'supervisor', 'partner')
@Controller('participations')
export class ReadController {
  constructor(
    private readonly reader: ParticipationReader,
    private readonly search: ParticipationSearch,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'List participations (a partner: their organization’s), newest first, filtered and paginated, with open and overdue task counts',
  })
  list(@Query() query: ListParticipationsQuery, @CurrentCaller() caller: Caller): Promise<ParticipationList> {
    return this.search.list(query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A participation: its stored projection, the live workflow state, and the actions valid now for the caller' })
  get(@Param('id', uuidPipe) id: string, @CurrentCaller() caller: Caller): Promise<ParticipationDetail> {
    return this.reader.get(id, caller);
  }

  @Get(':id/tasks')
  @ApiOperation({ summary: 'The tasks the workflow opened for this participation' })
  tasks(@Param('id', uuidPipe) id: string, @CurrentCaller() caller: Caller): Promise<TaskEntity[]> {
    return this.reader.tasksOf(id, caller);
  }
}
