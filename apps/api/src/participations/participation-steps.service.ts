import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  cancelParticipationUpdate,
  closeParticipationUpdate,
  decideApprovalUpdate,
  recordFederalResponseUpdate,
  type ParticipationStateView,
} from '@lib/contracts';
import type { UpdateDefinition } from '@temporalio/common';
import type { ParticipationEntity } from '@lib/persistence';
import type { Caller } from '../auth/caller';
import { idempotentUpdateId } from '../common/idempotent-update-id';
import { fromTemporalError } from '../common/temporal-errors';
import type { CancelParticipationDto, CloseParticipationDto, FederalResponseDto, MandateDecisionDto } from './dto/step-requests.dto';
import { ParticipationReader } from './participation-reader.service';

/**
 * Human steps on a participation. Each is a workflow Update: the workflow's
 * validator accepts or refuses it at once, and the API never writes the projection.
 * With an Idempotency-Key the Update id is derived from it: Temporal runs an
 * Update id once per workflow and answers a retry with the first outcome.
 */
@Injectable()
export class ParticipationSteps {
  constructor(
    private readonly client: Client,
    private readonly reader: ParticipationReader,
  ) {}

  async recordFederalResponse(id: string, actorId: string, body: FederalResponseDto, key?: string): Promise<ParticipationStateView> {
    const participation = await this.reader.findOrFail(id);
    return this.update(participation, recordFederalResponseUpdate, { decision: body.decision, note: body.note, actorId }, actorId, key);
  }

  async decideMandate(id: string, actorId: string, body: MandateDecisionDto, key?: string): Promise<ParticipationStateView> {
    const participation = await this.reader.findOrFail(id);
    const decision = { decision: body.decision, comments: body.comments, approverId: actorId };
    return this.update(participation, decideApprovalUpdate, decision, actorId, key);
  }

  /** Closing and cancelling: the participation's own coordinator (or an admin) only. */
  async close(id: string, caller: Caller, body: CloseParticipationDto, key?: string): Promise<ParticipationStateView> {
    const participation = await this.reader.findCoordinatedBy(id, caller);
    return this.update(
      participation,
      closeParticipationUpdate,
      { outcome: body.outcome, summary: body.summary, actorId: caller.id },
      caller.id,
      key,
    );
  }

  async cancel(id: string, caller: Caller, body: CancelParticipationDto, key?: string): Promise<ParticipationStateView> {
    const participation = await this.reader.findCoordinatedBy(id, caller);
    return this.update(participation, cancelParticipationUpdate, { reason: body.reason, actorId: caller.id }, caller.id, key);
  }

  private async update<Arg>(
    { id, workflowId }: ParticipationEntity,
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
      throw fromTemporalError(err, workflowId);
    }
  }
}
