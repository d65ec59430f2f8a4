import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ParticipationStateView } from '@lib/contracts';
import type { TaskEntity } from '@lib/persistence';
import { uuidPipe } from '../common/uuid.pipe';
import { CloseParticipationDto, FederalResponseDto, MandateDecisionDto } from './dto/step-requests.dto';
import { ParticipationReader } from './participation-reader.service';
import { ParticipationSteps } from './participation-steps.service';

/** The human steps of a participation, each answered by the workflow (409/422/403 when it refuses). */
@ApiTags('participations')
@Controller('participations/:id')
export class ParticipationStepsController {
  constructor(
    private readonly steps: ParticipationSteps,
    private readonly reader: ParticipationReader,
  ) {}

  @Get('tasks')
  @ApiOperation({ summary: 'The tasks the workflow opened for this participation' })
  tasks(@Param('id', uuidPipe) id: string): Promise<TaskEntity[]> {
    return this.reader.tasksOf(id);
  }

  @Post('federal-response')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the federal government’s answer (seat granted or refused)' })
  federalResponse(@Param('id', uuidPipe) id: string, @Body() body: FederalResponseDto): Promise<ParticipationStateView> {
    return this.steps.recordFederalResponse(id, body);
  }

  @Post('mandate-decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve the mandate, send it back for revision, or reject it' })
  mandateDecision(@Param('id', uuidPipe) id: string, @Body() body: MandateDecisionDto): Promise<ParticipationStateView> {
    return this.steps.decideMandate(id, body);
  }

  @Post('close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the participation in its closing phase: concluded, suspended or withdrawn' })
  close(@Param('id', uuidPipe) id: string, @Body() body: CloseParticipationDto): Promise<ParticipationStateView> {
    return this.steps.close(id, body);
  }
}
