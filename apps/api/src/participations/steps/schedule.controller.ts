import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { ParticipationStateView } from '@lib/contracts';
import { CurrentCaller, Roles } from '../../auth/auth.decorators';
import type { Caller } from '../../auth/caller';
import { uuidPipe } from '../../common/uuid.pipe';
import { ParticipationSteps } from './participation-steps.service';
import { sessionKeyPipe } from './session-key.pipe';
import { CancelSessionDto, MonitoringDto, RescheduleSessionDto } from './step-requests.dto';

/** Steering a participation's dates: its sessions (kinds with a calendar) and its watch's schedule. */
@ApiTags('participations')
@ApiBearerAuth()
@Roles('coordinator')
@Controller('participations/:id')
export class ScheduleController {
  constructor(private readonly steps: ParticipationSteps) {}

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
    return this.steps.setMonitoring(id, caller, true, body);
  }

  @Post('monitoring/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused watch' })
  resume(@CurrentCaller() caller: Caller, @Param('id', uuidPipe) id: string, @Body() body: MonitoringDto): Promise<ParticipationStateView> {
    return this.steps.setMonitoring(id, caller, false, body);
  }
}
