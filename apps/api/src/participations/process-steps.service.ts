import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { SignalDefinition, UpdateDefinition } from '@temporalio/common';
import {
  cancelSessionSignal,
  decideRoundUpdate,
  KINDS_WITH_SESSIONS,
  pauseMonitoringUpdate,
  rescheduleSessionSignal,
  resumeMonitoringUpdate,
  type ParticipationKind,
  type ParticipationStateView,
} from '@lib/contracts';
import type { Caller } from '../auth/caller';
import { DomainError } from '../common/domain-error';
import { fromTemporalError } from '../common/temporal-errors';
import type { CancelSessionDto, MonitoringDto, RescheduleSessionDto, RoundDecisionDto } from './dto/process-steps.dto';
import { ParticipationReader } from './participation-reader.service';

/**
 * Steps that only some kinds have: a round decision, moving or cancelling a
 * session (signals: accepted at once, applied by the workflow, journaled when
 * they do not fit), pausing and resuming a watch's schedule. Each only by the
 * participation's own coordinator (or an admin).
 */
@Injectable()
export class ProcessSteps {
  constructor(
    private readonly client: Client,
    private readonly reader: ParticipationReader,
  ) {}

  decideRound(id: string, caller: Caller, body: RoundDecisionDto): Promise<ParticipationStateView> {
    return this.update(id, caller, decideRoundUpdate, { decision: body.decision, summary: body.summary, actorId: caller.id });
  }

  pauseMonitoring(id: string, caller: Caller, body: MonitoringDto): Promise<ParticipationStateView> {
    return this.update(id, caller, pauseMonitoringUpdate, { actorId: caller.id, note: body.note });
  }

  resumeMonitoring(id: string, caller: Caller, body: MonitoringDto): Promise<ParticipationStateView> {
    return this.update(id, caller, resumeMonitoringUpdate, { actorId: caller.id, note: body.note });
  }

  rescheduleSession(id: string, sessionKey: string, caller: Caller, body: RescheduleSessionDto): Promise<void> {
    const date = new Date(body.date).toISOString();
    return this.signal(id, caller, rescheduleSessionSignal, { sessionKey, date, actorId: caller.id, reason: body.reason });
  }

  cancelSession(id: string, sessionKey: string, caller: Caller, body: CancelSessionDto): Promise<void> {
    return this.signal(id, caller, cancelSessionSignal, { sessionKey, actorId: caller.id, reason: body.reason });
  }

  private async update<Arg>(id: string, caller: Caller, definition: UpdateDefinition<ParticipationStateView, [Arg]>, arg: Arg) {
    const { workflowId } = await this.reader.findCoordinatedBy(id, caller);
    try {
      return await this.client.workflow.getHandle(workflowId).executeUpdate(definition, { args: [arg] });
    } catch (err) {
      throw fromTemporalError(err, workflowId);
    }
  }

  /** Session signals: only to kinds with a calendar (a signal nobody handles would be accepted and never read). */
  private async signal<Arg>(id: string, caller: Caller, definition: SignalDefinition<[Arg]>, arg: Arg): Promise<void> {
    const { workflowId, kind } = await this.reader.findCoordinatedBy(id, caller);
    if (!KINDS_WITH_SESSIONS.includes(kind as ParticipationKind)) {
      throw new DomainError('wrong-state', 'error.stepNotForKind', { kind, step: definition.name });
    }
    try {
      await this.client.workflow.getHandle(workflowId).signal(definition, arg);
    } catch (err) {
      throw fromTemporalError(err, workflowId);
    }
  }
}
