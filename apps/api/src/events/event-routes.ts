import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { FEDERAL_RESPONSE_EVENT, participationWorkflowId, type FederalResponseReceivedData } from '@lib/contracts';
import { ParticipationEntity } from '@lib/persistence';
import type { KindEvent, ParticipationLookup } from '@workflows/kind-definition';
import { KIND_EVENTS, type ParticipationKind } from '@workflows/registry-lookups';
import { FederalResponseReceivedDataDto } from './dto/federal-response-data.dto';

/** Where an event goes: running participations to signal, or the participation of `kind` it starts. */
export type EventTarget = { via: 'signal'; workflowIds: string[] } | { via: 'signal-with-start'; kind: ParticipationKind };

/** The kit's federal response, for any kind: to `<kind>/<businessKey>` named in its data. */
const FEDERAL_RESPONSE: KindEvent = { data: FederalResponseReceivedDataDto, route: { to: 'business-key' } };

/**
 * Routes each event type as the kind that takes it declares (its folder's
 * `<kind>.events.ts`); the federal response is the kit's and names its kind.
 */
@Injectable()
export class EventRoutes implements ParticipationLookup {
  constructor(@InjectRepository(ParticipationEntity) private readonly participations: Repository<ParticipationEntity>) {}

  /** The event's definition: its data DTO and its route; undefined for a type nobody takes. */
  definition(type: string): KindEvent | undefined {
    return type === FEDERAL_RESPONSE_EVENT ? FEDERAL_RESPONSE : KIND_EVENTS.get(type);
  }

  async resolve(type: string, data: Record<string, unknown>): Promise<EventTarget> {
    if (type === FEDERAL_RESPONSE_EVENT) {
      const { kind, businessKey } = data as unknown as FederalResponseReceivedData;
      return { via: 'signal', workflowIds: [participationWorkflowId(kind, businessKey)] };
    }
    const kindEvent = KIND_EVENTS.get(type);
    if (!kindEvent) throw new Error(`no route for event type ${type}`);
    const { route, kind } = kindEvent;
    switch (route.to) {
      case 'business-key':
        return { via: 'signal', workflowIds: [participationWorkflowId(kind, String(data.businessKey))] };
      case 'new-participation':
        return { via: 'signal-with-start', kind };
      case 'lookup':
        return { via: 'signal', workflowIds: await route.find(data, this) };
    }
  }

  async activeWorkflowIds({
    kind,
    details = {},
    workflowId,
  }: {
    kind: string;
    details?: Record<string, string>;
    workflowId?: string;
  }): Promise<string[]> {
    const query = this.participations
      .createQueryBuilder('p')
      .select('p.workflowId', 'workflowId')
      .where('p.kind = :kind', { kind })
      .andWhere('p.status = :status', { status: 'active' });
    Object.entries(details).forEach(([name, value], i) =>
      query.andWhere(`p.details ->> :name${i} = :value${i}`, { [`name${i}`]: name, [`value${i}`]: value }),
    );
    if (workflowId) query.andWhere('p.workflowId = :workflowId', { workflowId });
    const rows = await query.orderBy('p.workflowId').getRawMany<{ workflowId: string }>();
    return rows.map((row) => row.workflowId);
  }
}
