import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { SignalDefinition, UpdateDefinition } from '@temporalio/common';
import {
  cancelSessionSignal,
  decideRoundUpdate,
  pauseMonitoringUpdate,
  rescheduleSessionSignal,
  resumeMonitoringUpdate,
  type ParticipationStateView,
} from '@lib/contracts';
import { fromTemporalError } from '../common/temporal-errors';
import type { CancelSessionDto, MonitoringDto, RescheduleSessionDto, RoundDecisionDto } from './dto/process-steps.dto';
import { ParticipationReader } from './participation-reader.service';

/**
 * Steps that only some kinds have: a round decision, moving or cancelling a
 * session (signals: accepted at once, applied by the workflow, journaled when
 * they do not fit), pausing and resuming a watch's schedule.
 */
@Injectable()
export class ProcessSteps {
  constructor(
    private readonly client: Client,
    private readonly reader: ParticipationReader,
  ) {}

  decideRound(id: string, actorId: string, body: RoundDecisionDto): Promise<ParticipationStateView> {
    return this.update(id, decideRoundUpdate, { decision: body.decision, summary: body.summary, actorId });
  }

  pauseMonitoring(id: string, actorId: string, body: MonitoringDto): Promise<ParticipationStateView> {
    return this.update(id, pauseMonitoringUpdate, { actorId, note: body.note });
  }

  resumeMonitoring(id: string, actorId: string, body: MonitoringDto): Promise<ParticipationStateView> {
    return this.update(id, resumeMonitoringUpdate, { actorId, note: body.note });
  }

  rescheduleSession(id: string, sessionKey: string, actorId: string, body: RescheduleSessionDto): Promise<void> {
    const date = new Date(body.date).toISOString();
    return this.signal(id, rescheduleSessionSignal, { sessionKey, date, actorId, reason: body.reason });
  }

  cancelSession(id: string, sessionKey: string, actorId: string, body: CancelSessionDto): Promise<void> {
    return this.signal(id, cancelSessionSignal, { sessionKey, actorId, reason: body.reason });
  }

  private async update<Arg>(id: string, definition: UpdateDefinition<ParticipationStateView, [Arg]>, arg: Arg) {
    const { workflowId } = await this.reader.findOrFail(id);
    try {
      return await this.client.workflow.getHandle(workflowId).executeUpdate(definition, { args: [arg] });
    } catch (err) {
      throw fromTemporalError(err, workflowId);
    }
  }

  private async signal<Arg>(id: string, definition: SignalDefinition<[Arg]>, arg: Arg): Promise<void> {
    const { workflowId } = await this.reader.findOrFail(id);
    try {
      await this.client.workflow.getHandle(workflowId).signal(definition, arg);
    } catch (err) {
      throw fromTemporalError(err, workflowId);
    }
  }
}
