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
import { idempotentUpdateId } from '../common/idempotent-update-id';
import { fromTemporalError } from '../common/temporal-errors';
import type {
  CancelParticipationDto,
  CloseParticipationDto,
  FederalResponseDto,
  MandateDecisionDto,
} from './dto/step-requests.dto';
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

  recordFederalResponse(id: string, body: FederalResponseDto, idempotencyKey?: string): Promise<ParticipationStateView> {
    return this.update(id, recordFederalResponseUpdate, { decision: body.decision, note: body.note, actorId: body.actorId }, idempotencyKey);
  }

  decideMandate(id: string, body: MandateDecisionDto, idempotencyKey?: string): Promise<ParticipationStateView> {
    return this.update(
      id,
      decideApprovalUpdate,
      { decision: body.decision, comments: body.comments, approverId: body.actorId },
      idempotencyKey,
    );
  }

  close(id: string, body: CloseParticipationDto, idempotencyKey?: string): Promise<ParticipationStateView> {
    return this.update(
      id,
      closeParticipationUpdate,
      { outcome: body.outcome, summary: body.summary, actorId: body.actorId },
      idempotencyKey,
    );
  }

  cancel(id: string, body: CancelParticipationDto, idempotencyKey?: string): Promise<ParticipationStateView> {
    return this.update(id, cancelParticipationUpdate, { reason: body.reason, actorId: body.actorId }, idempotencyKey);
  }

  private async update<Arg>(
    id: string,
    definition: UpdateDefinition<ParticipationStateView, [Arg]>,
    arg: Arg,
    idempotencyKey?: string,
  ): Promise<ParticipationStateView> {
    const { workflowId } = await this.reader.findOrFail(id);
    try {
      return await this.client.workflow.getHandle(workflowId).executeUpdate(definition, {
        args: [arg],
        updateId: idempotencyKey ? idempotentUpdateId(definition.name, id, idempotencyKey) : undefined,
      });
    } catch (err) {
      throw fromTemporalError(err, workflowId);
    }
  }
}
