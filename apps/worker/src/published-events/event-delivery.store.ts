import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventDeliveryEntity, EventOutboxEntity, WebhookSubscriptionEntity } from '@lib/persistence';

/** A delivery taken for an attempt, with its event and, for a webhook, its subscription. */
export interface DueDelivery {
  delivery: EventDeliveryEntity;
  event: EventOutboxEntity;
  subscription: WebhookSubscriptionEntity | null;
}

/**
 * The delivery loop's reads and writes. Times come from PostgreSQL's clock,
 * so workers on several machines agree on what is due.
 */
@Injectable()
export class EventDeliveryStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes up to `limit` due deliveries, at most one per target and
   * participation: the earliest still pending (a later one waits for it, so
   * each target sees a participation's events in order). `SKIP LOCKED` lets
   * several workers share the work; each taken row counts one more attempt and
   * is pushed `leaseMs` ahead, so it comes back by itself if this worker dies.
   */
  async claimDue(targets: 'webhooks-and-broker' | 'webhooks', limit: number, leaseMs: number): Promise<DueDelivery[]> {
    return this.dataSource.transaction(async (em) => {
      const rows = await em.query<{ id: string }[]>(
        `SELECT d.id FROM event_deliveries d
          WHERE d.status = 'pending' AND d.next_attempt_at <= now()
            AND ($2::boolean OR d.target <> 'broker')
            AND NOT EXISTS (
              SELECT 1 FROM event_deliveries e
               WHERE e.target = d.target AND e.participation_id = d.participation_id AND e.status = 'pending' AND e.seq < d.seq)
          ORDER BY d.seq
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [limit, targets === 'webhooks-and-broker'],
      );
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      await em.query(
        `UPDATE event_deliveries SET attempts = attempts + 1, next_attempt_at = now() + ($2 || ' milliseconds')::interval WHERE id = ANY($1)`,
        [ids, String(Math.round(leaseMs))],
      );
      const deliveries = await em.createQueryBuilder(EventDeliveryEntity, 'd').whereInIds(ids).orderBy('d.seq').getMany();
      const events = await em
        .createQueryBuilder(EventOutboxEntity, 'o')
        .whereInIds([...new Set(deliveries.map((d) => d.seq))])
        .getMany();
      const subscriptionIds = [...new Set(deliveries.flatMap((d) => (d.subscriptionId ? [d.subscriptionId] : [])))];
      const subscriptions =
        subscriptionIds.length > 0 ? await em.createQueryBuilder(WebhookSubscriptionEntity, 's').whereInIds(subscriptionIds).getMany() : [];
      return deliveries.map((delivery) => ({
        delivery,
        event: events.find((e) => e.seq === delivery.seq) as EventOutboxEntity,
        subscription: subscriptions.find((s) => s.id === delivery.subscriptionId) ?? null,
      }));
    });
  }

  /** Each mark applies only to the attempt this worker claimed: a late answer never overwrites a newer attempt. */
  async markDelivered(d: EventDeliveryEntity): Promise<boolean> {
    return this.mark(d, `status = 'delivered', delivered_at = now(), last_error = NULL`, []);
  }

  async markRetry(d: EventDeliveryEntity, delayMs: number, error: string): Promise<boolean> {
    return this.mark(d, `next_attempt_at = now() + ($4 || ' milliseconds')::interval, last_error = $3`, [
      error,
      String(Math.round(delayMs)),
    ]);
  }

  async markDead(d: EventDeliveryEntity, error: string): Promise<boolean> {
    return this.mark(d, `status = 'dead', last_error = $3`, [error]);
  }

  private async mark(d: EventDeliveryEntity, set: string, params: unknown[]): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown, number]>(
      `UPDATE event_deliveries SET ${set} WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [d.id, d.attempts, ...params],
    );
    return affected > 0;
  }
}
