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
 */
@Injectable()
export class ParticipationSteps {
  constructor(
    private readonly client: Client,
    private readonly reader: ParticipationReader,
  ) {}

  recordFederalResponse(id: string, actorId: string, body: FederalResponseDto): Promise<ParticipationStateView> {
    return this.update(id, recordFederalResponseUpdate, { decision: body.decision, note: body.note, actorId });
  }

  decideMandate(id: string, actorId: string, body: MandateDecisionDto): Promise<ParticipationStateView> {
    return this.update(id, decideApprovalUpdate, { decision: body.decision, comments: body.comments, approverId: actorId });
  }

  close(id: string, actorId: string, body: CloseParticipationDto): Promise<ParticipationStateView> {
    return this.update(id, closeParticipationUpdate, { outcome: body.outcome, summary: body.summary, actorId });
  }

  cancel(id: string, actorId: string, body: CancelParticipationDto): Promise<ParticipationStateView> {
    return this.update(id, cancelParticipationUpdate, { reason: body.reason, actorId });
  }

  private async update<Arg>(
    id: string,
    definition: UpdateDefinition<ParticipationStateView, [Arg]>,
    arg: Arg,
  ): Promise<ParticipationStateView> {
    const { workflowId } = await this.reader.findOrFail(id);
    try {
      return await this.client.workflow.getHandle(workflowId).executeUpdate(definition, { args: [arg] });
    } catch (err) {
      throw fromTemporalError(err, workflowId);
    }
  }
}
