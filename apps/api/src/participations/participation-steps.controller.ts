import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ParticipationStateView } from '@lib/contracts';
import type { TaskEntity } from '@lib/persistence';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import type { Caller } from '../auth/caller';
import { ApiIdempotencyKey, IdempotencyKey } from '../common/idempotency-key';
import { uuidPipe } from '../common/uuid.pipe';
import { CloseParticipationDto, FederalResponseDto, MandateDecisionDto } from './dto/step-requests.dto';
import { ParticipationReader } from './participation-reader.service';
import { ParticipationSteps } from './participation-steps.service';

/** The human steps of a participation, each answered by the workflow (409/422/403 when it refuses). */
@ApiTags('participations')
@ApiBearerAuth()
@Controller('participations/:id')
export class ParticipationStepsController {
  constructor(
    private readonly steps: ParticipationSteps,
    private readonly reader: ParticipationReader,
  ) {}

  @Get('tasks')
  @Roles('coordinator', 'supervisor')
  @ApiOperation({ summary: 'The tasks the workflow opened for this participation' })
  tasks(@Param('id', uuidPipe) id: string): Promise<TaskEntity[]> {
    return this.reader.tasksOf(id);
  }

  @Post('federal-response')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Record the federal government’s answer (seat granted or refused)' })
  @ApiIdempotencyKey()
  federalResponse(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Body() body: FederalResponseDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ParticipationStateView> {
    return this.steps.recordFederalResponse(id, caller.id, body, idempotencyKey);
  }

  @Post('mandate-decision')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Approve the mandate, send it back for revision, or reject it' })
  @ApiIdempotencyKey()
  mandateDecision(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Body() body: MandateDecisionDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ParticipationStateView> {
    return this.steps.decideMandate(id, caller.id, body, idempotencyKey);
  }

  @Post('close')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Close the participation in its closing phase: concluded, suspended or withdrawn' })
  @ApiIdempotencyKey()
  close(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Body() body: CloseParticipationDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ParticipationStateView> {
    return this.steps.close(id, caller, body, idempotencyKey);
  }
}
