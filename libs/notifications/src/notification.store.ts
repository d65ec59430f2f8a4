import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { NotificationEntity, type NotificationChannel } from '@lib/persistence';

/**
 * The notifier's reads and writes on the outbox. Times come from PostgreSQL's
 * clock, so notifiers on several machines agree on what is due.
 */
@Injectable()
export class NotificationStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes up to `limit` due rows. `FOR UPDATE SKIP LOCKED` lets concurrent
   * notifiers pass each other's rows; each taken row counts one more attempt
   * and is pushed `leaseMs` ahead, so nobody else takes it while it is being
   * delivered, and it comes back by itself if this notifier dies.
   */
  async claimDue(channels: NotificationChannel[], limit: number, leaseMs: number): Promise<NotificationEntity[]> {
    if (channels.length === 0) return [];
    return this.dataSource.transaction(async (em) => {
      const due = await em
        .createQueryBuilder(NotificationEntity, 'n')
        .where('n.status = :pending', { pending: 'pending' })
        .andWhere('n.channel IN (:...channels)', { channels })
        .andWhere('n.nextAttemptAt <= now()')
        .orderBy('n.nextAttemptAt', 'ASC')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (due.length === 0) return [];
      await em
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ attempts: () => 'attempts + 1', nextAttemptAt: later(leaseMs) })
        .whereInIds(due.map((n) => n.id))
        .execute();
      return due.map((n) => ({ ...n, attempts: n.attempts + 1 }));
    });
  }

  /** Each mark applies only to the attempt this notifier claimed: a late answer never overwrites a newer attempt. */
  async markSent(n: NotificationEntity): Promise<boolean> {
    return this.mark(n, { status: 'sent', sentAt: () => 'now()', lastError: null });
  }

  async markRetry(n: NotificationEntity, delayMs: number, error: string): Promise<boolean> {
    return this.mark(n, { nextAttemptAt: later(delayMs), lastError: error });
  }

  async markFailed(n: NotificationEntity, error: string): Promise<boolean> {
    return this.mark(n, { status: 'failed', lastError: error });
  }

  private async mark(n: NotificationEntity, values: QueryDeepPartialEntity<NotificationEntity>): Promise<boolean> {
    const result = await this.update()
      .set(values)
      .where('id = :id AND attempts = :attempts AND status = :pending', { id: n.id, attempts: n.attempts, pending: 'pending' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  private update() {
    return this.dataSource.createQueryBuilder().update(NotificationEntity);
  }
}

function later(ms: number): () => string {
  const value = Math.max(0, Math.round(ms));
  return () => `now() + interval '${value} milliseconds'`;
}
