import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import {
  participationWorkflowId,
  type ConventionRatifiedData,
  type ExternalEventType,
  type FederalResponseReceivedData,
} from '@lib/contracts';
import { ParticipationEntity } from '@lib/persistence';

/** Where an event goes: running participations to signal, or the participation it starts. */
export type EventTarget = { via: 'signal'; workflowIds: string[] } | { via: 'signal-with-start' };

/** Maps each event type to the participation(s) it concerns. */
@Injectable()
export class EventTargets {
  constructor(@InjectRepository(ParticipationEntity) private readonly participations: Repository<ParticipationEntity>) {}

  async resolve(type: ExternalEventType, data: Record<string, unknown>): Promise<EventTarget> {
    const key = String(data.businessKey);
    switch (type) {
      case 'wto.session.scheduled':
        return { via: 'signal', workflowIds: [participationWorkflowId('wto-round', key)] };
      case 'eu.offer.received':
        return { via: 'signal', workflowIds: [participationWorkflowId('canada-eu-negotiation', key)] };
      case 'intern.offer.accepted':
      case 'intern.offer.declined':
        return { via: 'signal', workflowIds: [participationWorkflowId('intern-placement', key)] };
      case 'federal.response.received':
        return { via: 'signal', workflowIds: [participationWorkflowId((data as unknown as FederalResponseReceivedData).kind, key)] };
      case 'intern.application.received':
        return { via: 'signal-with-start' };
      case 'convention.ratified':
        return { via: 'signal', workflowIds: await this.countriesInPlay(data as unknown as ConventionRatifiedData) };
      default: {
        const unhandled: never = type;
        throw new Error(`no route for ${String(unhandled)}`);
      }
    }
  }

  /** The active country workflows of every campaign (or of the one named) that targets this country. */
  private async countriesInPlay({ country, campaignKey }: ConventionRatifiedData): Promise<string[]> {
    const query = this.participations
      .createQueryBuilder('p')
      .select('p.workflowId', 'workflowId')
      .where('p.kind = :kind', { kind: 'ratification-campaign' })
      .andWhere('p.status = :status', { status: 'active' })
      .andWhere(`p.details ->> 'country' = :country`, { country });
    if (campaignKey) query.andWhere('p.workflowId = :workflowId', { workflowId: `ratification-campaign/${campaignKey}/${country}` });
    const rows = await query.orderBy('p.workflowId').getRawMany<{ workflowId: string }>();
    return rows.map((row) => row.workflowId);
  }
}
