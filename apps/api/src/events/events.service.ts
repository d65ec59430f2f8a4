import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import { participationEventSignal, type Locale, type ParticipationEvent } from '@lib/contracts';
import { ExternalEventEntity, type EventRoute } from '@lib/persistence';
import { DomainError } from '../common/domain-error';
import { fromTemporalError } from '../common/temporal-errors';
import { fieldProblems } from '../common/validation';
import { EVENT_TYPES } from '@workflows/registry-lookups';
import { LaunchBodyPipe } from '../participations/launch/launch-body.pipe';
import { ParticipationLauncher } from '../participations/launch/participation-launcher.service';
import { DirectoryRefs } from '../people/directory-refs.service';
import type { IncomingEvent } from './cloud-events/incoming-event';
import { EventRoutes } from './event-routes';

export interface EventReceipt {
  eventId: string;
  type: string;
  routedTo: EventRoute[];
  receivedAt: string;
  /** True when this event id had already been received: nothing was done this time. */
  duplicate: boolean;
}

/**
 * Receives external events: checks their data against their type, routes
 * each to its participation(s) and stores it with its routes, once per event
 * id. The row is inserted first in a transaction that stays open while the
 * event is delivered: a concurrent copy of the same id waits on the primary
 * key and then finds it; a failed delivery rolls the row back, so the sender
 * can retry the same id.
 */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly client: Client,
    private readonly routes: EventRoutes,
    private readonly launcher: ParticipationLauncher,
    private readonly refs: DirectoryRefs,
  ) {}

  /** Any format (native body, CloudEvent structured or binary, a broker message): `key` counts it once. */
  async receive(body: IncomingEvent, locale: Locale): Promise<EventReceipt> {
    const definition = this.routes.definition(body.type);
    if (!definition) {
      throw new DomainError('invalid-input', 'error.unknownEventType', { type: body.type, types: EVENT_TYPES.join(', ') });
    }
    const type = body.type;
    const data = await this.checkedData(definition.data, body.data);
    const event: ParticipationEvent = {
      eventId: body.key,
      type,
      occurredAt: new Date(body.occurredAt ?? Date.now()).toISOString(),
      data,
    };
    return this.dataSource.transaction(async (em) => {
      const fresh = await em
        .createQueryBuilder()
        .insert()
        .into(ExternalEventEntity)
        .values({ eventId: event.eventId, type, occurredAt: new Date(event.occurredAt), data: data as ExternalEventEntity['data'] })
        .orIgnore()
        .returning(['eventId'])
        .execute();
      if ((fresh.raw as unknown[]).length === 0) return this.duplicate(em, event.eventId);
      const routedTo = await this.deliver(event, locale);
      await em.update(ExternalEventEntity, { eventId: event.eventId }, { routedTo });
      const row = await em.findOneByOrFail(ExternalEventEntity, { eventId: event.eventId });
      return { eventId: row.eventId, type, routedTo, receivedAt: row.receivedAt.toISOString(), duplicate: false };
    });
  }

  private async checkedData(dataDto: ClassConstructor<object>, data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const dto = plainToInstance(dataDto, data);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      const fields = fieldProblems(errors).map((problem) => ({ ...problem, field: `data.${problem.field}` }));
      throw new DomainError('validation-failed', 'error.validation', {}, fields);
    }
    // The people the event names (a session's lead expert) must be active people of the directory.
    await this.refs.check(dto, 'data');
    return { ...data };
  }

  private async deliver(event: ParticipationEvent, locale: Locale): Promise<EventRoute[]> {
    const target = await this.routes.resolve(event.type, event.data);
    if (target.via === 'signal-with-start') {
      // The event's data is the launch body of the kind it starts.
      const launch = await new LaunchBodyPipe().transform({ ...event.data, kind: target.kind });
      return [{ workflowId: await this.launcher.startWithEvent(launch, locale, event), via: 'signal-with-start' }];
    }
    if (target.workflowIds.length === 0) throw this.noTarget(event);
    for (const workflowId of target.workflowIds) {
      try {
        await this.client.workflow.getHandle(workflowId).signal(participationEventSignal, event);
      } catch (err) {
        // Not running (never launched, or already closed): no participation to take the event.
        if (err instanceof WorkflowNotFoundError) throw this.noTarget(event, workflowId);
        throw fromTemporalError(err, workflowId);
      }
    }
    return target.workflowIds.map((workflowId) => ({ workflowId, via: 'signal' as const }));
  }

  private noTarget(event: ParticipationEvent, workflowId?: string): DomainError {
    const subject = workflowId ?? JSON.stringify(event.data);
    return new DomainError('not-found', 'error.noEventTarget', { type: event.type, subject });
  }

  private async duplicate(em: EntityManager, eventId: string): Promise<EventReceipt> {
    const row = await em.findOneByOrFail(ExternalEventEntity, { eventId });
    return { eventId, type: row.type, routedTo: row.routedTo, receivedAt: row.receivedAt.toISOString(), duplicate: true };
  }
}
