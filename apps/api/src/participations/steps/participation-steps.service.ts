import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { Client } from '@temporalio/client';
import type { SignalDefinition, UpdateDefinition } from '@temporalio/common';
import {
  cancelParticipationUpdate,
  cancelSessionSignal,
  closeParticipationUpdate,
  decideApprovalUpdate,
  decideRoundUpdate,
  pauseMonitoringUpdate,
  recordFederalResponseUpdate,
  rescheduleSessionSignal,
  resumeMonitoringUpdate,
  submitProposalUpdate,
  type ParticipationStateView,
  type ProposalSubmission,
} from '@lib/contracts';
import type { ParticipationEntity } from '@lib/persistence';
import { kindNamed } from '@workflows/registry-lookups';
import type { Caller } from '../../auth/caller';
import { DomainError } from '../../common/domain-error';
import { idempotentUpdateId } from '../../common/idempotent-update-id';
import { behindItsProjection, fromTemporalError } from '../../common/temporal-errors';
import { ParticipationReader } from '../read/participation-reader.service';
import { stateOnceEnded } from './state-once-ended';
import type {
  CancelParticipationDto,
  CancelSessionDto,
  CloseParticipationDto,
  FederalResponseDto,
  MandateDecisionDto,
  MonitoringDto,
  RescheduleSessionDto,
  RoundDecisionDto,
} from './step-requests.dto';

/**
 * The human steps on a participation. Most are workflow Updates: the
 * workflow's validator accepts or refuses at once (409/422/403), and the API
 * never writes the projection; a kind without the step has no handler (409).
 * Moving and cancelling a session are signals, sent only to kinds that keep a
 * session calendar. With an Idempotency-Key the Update id derives from it, so
 * Temporal answers a retry with the first outcome. Steering a participation
 * (close, cancel, rounds, sessions, the watch) is for its own coordinator (or an admin).
 */
/** A proposal as the partner writes it; who submits it, and for which organization, comes from the caller. */
type ProposalBody = Pick<ProposalSubmission, 'code' | 'title' | 'theme' | 'summary'>;

/** How long close and cancel wait for the workflow to end before answering with the accepted state. */
const END_WAIT_MS = 20_000;

@Injectable()
export class ParticipationSteps {
  constructor(
    private readonly client: Client,
    private readonly reader: ParticipationReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async recordFederalResponse(id: string, actorId: string, body: FederalResponseDto, key?: string): Promise<ParticipationStateView> {
    const participation = await this.reader.findOrFail(id);
    return this.update(participation, recordFederalResponseUpdate, { decision: body.decision, note: body.note, actorId }, actorId, key);
  }

  async decideApproval(id: string, actorId: string, body: MandateDecisionDto, key?: string): Promise<ParticipationStateView> {
    const participation = await this.reader.findOrFail(id);
    const decision = { decision: body.decision, comments: body.comments, approverId: actorId };
    return this.update(participation, decideApprovalUpdate, decision, actorId, key);
  }

  async close(id: string, caller: Caller, body: CloseParticipationDto, key?: string): Promise<ParticipationStateView> {
    const participation = await this.reader.findCoordinatedBy(id, caller);
    const request = { outcome: body.outcome, summary: body.summary, actorId: caller.id };
    const accepted = await this.update(participation, closeParticipationUpdate, request, caller.id, key);
    return this.ended(participation.workflowId, accepted);
  }

  async cancel(id: string, caller: Caller, body: CancelParticipationDto, key?: string): Promise<ParticipationStateView> {
    const participation = await this.reader.findCoordinatedBy(id, caller);
    const accepted = await this.update(
      participation,
      cancelParticipationUpdate,
      { reason: body.reason, actorId: caller.id },
      caller.id,
      key,
    );
    return this.ended(participation.workflowId, accepted);
  }

  /** A participation that was told to end: its state once ended (a watch or a campaign may take a few seconds). */
  private ended(workflowId: string, accepted: ParticipationStateView): Promise<ParticipationStateView> {
    return stateOnceEnded(this.client, workflowId, accepted, { waitMs: END_WAIT_MS, queryTimeoutMs: this.config.durations.queryTimeoutMs });
  }

  async decideRound(id: string, caller: Caller, body: RoundDecisionDto): Promise<ParticipationStateView> {
    const participation = await this.reader.findCoordinatedBy(id, caller);
    return this.update(participation, decideRoundUpdate, { decision: body.decision, summary: body.summary, actorId: caller.id }, caller.id);
  }

  /** A partner's proposal to an open call they may read, in the name of their own organization. */
  async submitProposal(id: string, caller: Caller, body: ProposalBody): Promise<ParticipationStateView> {
    const participation = await this.reader.findReadableBy(id, caller);
    const proposal = { ...body, partnerId: caller.id, organization: caller.organization ?? '' };
    return this.update(participation, submitProposalUpdate, proposal, caller.id);
  }

  async setMonitoring(id: string, caller: Caller, paused: boolean, body: MonitoringDto): Promise<ParticipationStateView> {
    const participation = await this.reader.findCoordinatedBy(id, caller);
    const definition = paused ? pauseMonitoringUpdate : resumeMonitoringUpdate;
    return this.update(participation, definition, { actorId: caller.id, note: body.note }, caller.id);
  }

  async rescheduleSession(id: string, sessionKey: string, caller: Caller, body: RescheduleSessionDto): Promise<void> {
    const date = new Date(body.date).toISOString();
    await this.signal(id, caller, rescheduleSessionSignal, { sessionKey, date, actorId: caller.id, reason: body.reason }, sessionKey);
  }

  async cancelSession(id: string, sessionKey: string, caller: Caller, body: CancelSessionDto): Promise<void> {
    await this.signal(id, caller, cancelSessionSignal, { sessionKey, actorId: caller.id, reason: body.reason }, sessionKey);
  }

  private async update<Arg>(
    { id, workflowId, phase }: ParticipationEntity,
    definition: UpdateDefinition<ParticipationStateView, [Arg]>,
    arg: Arg,
    actorId: string,
    idempotencyKey?: string,
  ): Promise<ParticipationStateView> {
    try {
      return await this.client.workflow.getHandle(workflowId).executeUpdate(definition, {
        args: [arg],
        updateId: idempotencyKey ? idempotentUpdateId(definition.name, id, actorId, idempotencyKey) : undefined,
      });
    } catch (err) {
      throw behindItsProjection(fromTemporalError(err, workflowId), phase);
    }
  }

  /** Session signals go only to kinds with a calendar: a signal nobody handles would be accepted and never read. */
  private async signal<Arg>(id: string, caller: Caller, definition: SignalDefinition<[Arg]>, arg: Arg, sessionKey: string): Promise<void> {
    const { workflowId, kind } = await this.reader.findCoordinatedBy(id, caller);
    if (!kindNamed(kind)?.sessions) throw new DomainError('wrong-state', 'error.stepNotForKind', { kind, step: definition.name });
    await this.mustBeScheduled(workflowId, sessionKey);
    try {
      await this.client.workflow.getHandle(workflowId).signal(definition, arg);
    } catch (err) {
      throw fromTemporalError(err, workflowId);
    }
  }

  /**
   * A signal is accepted whatever it names, and the workflow could only journal
   * a session it does not know as ignored: the caller hears it at once instead,
   * 404 for a session the participation never had, 409 for one no longer
   * scheduled. If Temporal cannot say within the query timeout, the signal goes
   * and the workflow decides, as before.
   */
  private async mustBeScheduled(workflowId: string, sessionKey: string): Promise<void> {
    const sessions = (await this.reader.liveState(workflowId))?.details.sessions as Array<{ key: string; status: string }> | undefined;
    const session = sessions?.find((s) => s.key === sessionKey);
    if (!sessions) return;
    if (!session) throw new DomainError('not-found', 'error.notFound', { entity: 'entity.session', id: sessionKey });
    if (session.status !== 'scheduled')
      throw new DomainError('wrong-state', 'error.sessionNotScheduled', { key: sessionKey, status: session.status });
  }
}
