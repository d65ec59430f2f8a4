import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ParticipationStateView } from '@lib/contracts';
import { CurrentCaller, Roles } from '../../auth/auth.decorators';
import type { Caller } from '../../auth/caller';
import { ApiIdempotencyKey, IdempotencyKey } from '../../common/idempotency-key';
import { uuidPipe } from '../../common/uuid.pipe';
import { ParticipationSteps } from './participation-steps.service';
import {
  CancelParticipationDto,
  CloseParticipationDto,
  FederalResponseDto,
  MandateDecisionDto,
  RoundDecisionDto,
} from './step-requests.dto';

/** The decisions that move a participation on, each answered by its workflow (409/422/403 when it refuses). */
@ApiTags('participations')
@ApiBearerAuth()
@Roles('coordinator')
@Controller('participations/:id')
export class DecisionsController {
  constructor(private readonly steps: ParticipationSteps) {}

  @Post('federal-response')
  @HttpCode(200)
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
  @ApiOperation({ summary: 'Approve the mandate, send it back for revision, or reject it' })
  @ApiIdempotencyKey()
  mandateDecision(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Body() body: MandateDecisionDto,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ParticipationStateView> {
    return this.steps.decideApproval(id, caller.id, body, idempotencyKey);
  }

  @Post('approval-decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve, send back for revision, or reject what awaits approval (a nomination, a mandate)' })
  approval(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Body() body: MandateDecisionDto,
  ): Promise<ParticipationStateView> {
    return this.steps.decideApproval(id, caller.id, body);
  }

  @Post('round-decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a negotiation round: next-round, concluded or suspended' })
  roundDecision(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Body() body: RoundDecisionDto,
  ): Promise<ParticipationStateView> {
    return this.steps.decideRound(id, caller, body);
  }

  @Post('close')
  @HttpCode(200)
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

  @Post('cancel')
  @HttpCode(200)
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
