import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { describeJournalRow, PUBLISHED_TYPE_PREFIX, publishedTypeFor } from '@lib/contracts';
import { BROKER_TARGET, readJournalContext, type JournalContext } from '@lib/persistence';
import { ALL_MESSAGES, PUBLISHED_EVENTS } from '@workflows/registry-lookups';
import { splitProtected } from './protected-fields';

/**
 * The published events' writer. The projection activities call it inside
 * their transaction, right after they claimed a new journal entry and wrote
 * the projection: the CloudEvent that entry publishes, and one delivery per
 * matching webhook subscription (and the broker, when on), are committed with
 * the projection or not at all.
 */
@Injectable()
export class PublishedEventOutbox {
  private readonly broker: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.broker = config.events.natsUrl !== undefined;
  }

  /** Writes what the journal entry `workflowId#stepKey` (written in this transaction) publishes, if anything. */
  async enqueueFor(em: EntityManager, workflowId: string, stepKey: string): Promise<void> {
    const context = await readJournalContext(em, workflowId, stepKey);
    if (context) await this.enqueueFrom(em, context);
  }

  /** The same, from the entry's context already read in this transaction (the projection reads it once for both outboxes). */
  async enqueueFrom(em: EntityManager, { entry, participation, task }: JournalContext): Promise<void> {
    const published = publishedTypeFor(PUBLISHED_EVENTS, entry.action);
    if (!participation || !published) return;
    const workflowId = entry.workflowId;
    const { open, hidden } = splitProtected({ ...(asRecord(entry.newValue) ?? {}), note: entry.note ?? undefined });
    const previous = splitProtected(asRecord(entry.oldValue) ?? {}).open;
    const row = {
      action: entry.action,
      oldValue: asRecord(entry.oldValue),
      newValue: asRecord(entry.newValue),
      target: entry.target,
      taskTitle: task?.title,
    };
    const data = {
      workflowId,
      participationId: participation.id,
      kind: participation.kind,
      businessKey: participation.businessKey,
      forum: participation.forum,
      phase: participation.phase,
      status: participation.status,
      action: entry.action,
      actorId: entry.actorId,
      ...(task
        ? {
            task: {
              id: task.id,
              kind: task.kind,
              title: task.title,
              assigneeId: task.assigneeId,
              candidateGroup: task.candidateGroup,
              dueAt: task.dueAt,
              status: task.status,
            },
          }
        : {}),
      change: open,
      ...(Object.keys(previous).length > 0 ? { previous } : {}),
      text: { fr: describeJournalRow(ALL_MESSAGES, 'fr', row), en: describeJournalRow(ALL_MESSAGES, 'en', row) },
    };
    // Plain SQL, one statement: this runs for most entries of every transaction, where the query
    // builder cost more CPU than the insert. A retry finds the event there and fans out nothing.
    await em.query(INSERT_EVENT_AND_DELIVERIES, [
      eventIdOf(entry.entryKey),
      entry.entryKey,
      `${PUBLISHED_TYPE_PREFIX}${published.type}`,
      workflowId,
      participation.id,
      participation.kind,
      participation.forum,
      entry.occurredAt,
      JSON.stringify(data),
      Object.keys(hidden).length > 0 ? JSON.stringify(hidden) : null,
      this.broker ? BROKER_TARGET : null,
    ]);
  }
}

/**
 * The event, and, if it is new, one delivery per active webhook subscription
 * whose filters let it through, and one for the broker when $11 names it.
 */
const INSERT_EVENT_AND_DELIVERIES = `
  WITH fresh AS (
    INSERT INTO event_outbox (event_id, entry_key, type, subject, participation_id, kind, forum, occurred_at, data, protected_data)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb)
    ON CONFLICT DO NOTHING
    RETURNING seq, type, kind, forum, participation_id
  )
  INSERT INTO event_deliveries (seq, target, subscription_id, participation_id)
  SELECT f.seq, 'webhook:' || s.id, s.id, f.participation_id
    FROM fresh f JOIN webhook_subscriptions s ON s.active
   WHERE (cardinality(s.event_types) = 0 OR f.type = ANY(s.event_types))
     AND (cardinality(s.kinds) = 0 OR f.kind = ANY(s.kinds))
     AND (cardinality(s.forums) = 0 OR f.forum = ANY(s.forums))
  UNION ALL
  SELECT f.seq, $11::text, NULL::uuid, f.participation_id FROM fresh f WHERE $11::text IS NOT NULL
  ON CONFLICT DO NOTHING`;

/** A UUID (version 5 layout) from the entry key: a retried activity gives its event the same id. */
export function eventIdOf(entryKey: string): string {
  const hex = createHash('sha1').update(`published-event:${entryKey}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
