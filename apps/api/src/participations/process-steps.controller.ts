import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { ParticipationStateView } from '@lib/contracts';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import type { Caller } from '../auth/caller';
import { uuidPipe } from '../common/uuid.pipe';
import { CancelSessionDto, MonitoringDto, RescheduleSessionDto, RoundDecisionDto } from './dto/process-steps.dto';
import { MandateDecisionDto } from './dto/step-requests.dto';
import { sessionKeyPipe } from './dto/session-key.pipe';
import { ParticipationSteps } from './participation-steps.service';
import { ProcessSteps } from './process-steps.service';

/** Steps of some kinds only; the workflow refuses (409) those that do not fit its phase. */
@ApiTags('participations')
@ApiBearerAuth()
@Roles('coordinator')
@Controller('participations/:id')
export class ProcessStepsController {
  constructor(
    private readonly steps: ProcessSteps,
    private readonly common: ParticipationSteps,
  ) {}

  @Post('approval-decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve, send back for revision, or reject what awaits approval (a nomination, a mandate)' })
  approval(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Body() body: MandateDecisionDto,
  ): Promise<ParticipationStateView> {
    return this.common.decideMandate(id, caller.id, body);
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

  @Post('sessions/:sessionKey/reschedule')
  @HttpCode(202)
  @ApiParam({ name: 'sessionKey', example: 'm1' })
  @ApiOperation({ summary: 'Move a scheduled session (signal: applied by the workflow, journaled if it no longer fits)' })
  async reschedule(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Param('sessionKey', sessionKeyPipe) sessionKey: string,
    @Body() body: RescheduleSessionDto,
  ): Promise<{ accepted: true }> {
    await this.steps.rescheduleSession(id, sessionKey, caller, body);
    return { accepted: true };
  }

  @Post('sessions/:sessionKey/cancel')
  @HttpCode(202)
  @ApiParam({ name: 'sessionKey', example: 'm1' })
  @ApiOperation({ summary: 'Cancel a scheduled session (signal)' })
  async cancelSession(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Param('sessionKey', sessionKeyPipe) sessionKey: string,
    @Body() body: CancelSessionDto,
  ): Promise<{ accepted: true }> {
    await this.steps.cancelSession(id, sessionKey, caller, body);
    return { accepted: true };
  }

  @Post('monitoring/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a watch: its Temporal Schedule stops making reports due' })
  pause(@CurrentCaller() caller: Caller, @Param('id', uuidPipe) id: string, @Body() body: MonitoringDto): Promise<ParticipationStateView> {
    return this.steps.pauseMonitoring(id, caller, body);
  }

  @Post('monitoring/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused watch' })
  resume(@CurrentCaller() caller: Caller, @Param('id', uuidPipe) id: string, @Body() body: MonitoringDto): Promise<ParticipationStateView> {
    return this.steps.resumeMonitoring(id, caller, body);
  }
}
