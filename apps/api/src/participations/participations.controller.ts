import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Locale, ParticipationStateView } from '@lib/contracts';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import type { Caller } from '../auth/caller';
import { CallerLocale } from '../common/caller-locale';
import { ApiIdempotencyKey, IdempotencyKey } from '../common/idempotency-key';
import { uuidPipe } from '../common/uuid.pipe';
import { ListParticipationsQuery } from './dto/list-participations.query';
import type { ParticipationList } from './dto/participation-list.view';
import type { ParticipationDetail } from './dto/participation.view';
import { CancelParticipationDto } from './dto/step-requests.dto';
import { LAUNCH_DTOS } from './kinds/kind-registry';
import { LaunchBodyPipe, type ValidatedLaunch } from './kinds/launch-body.pipe';
import { ParticipationLauncher, type LaunchResult } from './participation-launcher.service';
import { ParticipationReader } from './participation-reader.service';
import { ParticipationSearch } from './participation-search.service';
import { ParticipationSteps } from './participation-steps.service';

@ApiTags('participations')
@ApiBearerAuth()
@ApiExtraModels(...LAUNCH_DTOS)
@Controller('participations')
export class ParticipationsController {
  constructor(
    private readonly launcher: ParticipationLauncher,
    private readonly reader: ParticipationReader,
    private readonly steps: ParticipationSteps,
    private readonly search: ParticipationSearch,
  ) {}

  @Post()
  @Roles('coordinator')
  @ApiOperation({ summary: 'Launch a participation; 409 if the same kind and business key was launched before' })
  @ApiBody({ schema: { oneOf: LAUNCH_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })), discriminator: { propertyName: 'kind' } } })
  @ApiIdempotencyKey()
  launch(
    @CurrentCaller() caller: Caller,
    @Body(LaunchBodyPipe) launch: ValidatedLaunch,
    @CallerLocale() locale: Locale,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<LaunchResult> {
    return this.launcher.launch(launch, locale, idempotencyKey ? { key: idempotencyKey, callerId: caller.id } : undefined);
  }

  @Get()
  @Roles('coordinator', 'supervisor')
  @ApiOperation({
    summary: 'List participations, newest first, filtered and paginated, with open and overdue task counts',
  })
  list(@Query() query: ListParticipationsQuery): Promise<ParticipationList> {
    return this.search.list(query);
  }

  @Get(':id')
  @Roles('coordinator', 'supervisor')
  @ApiOperation({ summary: 'A participation: its stored projection and the live workflow state' })
  get(@Param('id', uuidPipe) id: string): Promise<ParticipationDetail> {
    return this.reader.get(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Cancel a participation with a reason; its open tasks are cancelled' })
  @ApiIdempotencyKey()
  cancel(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Body() body: CancelParticipationDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ParticipationStateView> {
    return this.steps.cancel(id, caller, body, idempotencyKey);
  }
}
