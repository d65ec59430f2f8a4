import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventDeliveryEntity, WebhookSubscriptionEntity } from '@lib/persistence';
import type { Page } from '../common/page.query';
import { DomainError } from '../common/domain-error';
import type { CreateSubscriptionDto } from './dto/subscription.dto';

/** A subscription as the API shows it: the secret only once, when it is created. */
export type SubscriptionView = Omit<WebhookSubscriptionEntity, 'secret'> & { secret?: string };

export interface DeadLetterView {
  id: string;
  subscriptionId: string | null;
  target: string;
  eventId: string;
  type: string;
  subject: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

/**
 * Webhook subscriptions and the dead-letter list. These are the API's own
 * records (no workflow owns them); the worker's delivery loop reads them.
 */
@Injectable()
export class WebhooksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(createdBy: string, body: CreateSubscriptionDto): Promise<SubscriptionView> {
    const secret = body.secret ?? `whsec_${randomBytes(32).toString('base64')}`;
    const row = await this.dataSource.getRepository(WebhookSubscriptionEntity).save({
      url: body.url,
      eventTypes: body.eventTypes ?? [],
      kinds: body.kinds ?? [],
      forums: body.forums ?? [],
      secret,
      includeProtected: body.includeProtected ?? false,
      active: true,
      createdBy,
    });
    return { ...view(row), secret };
  }

  async list(page: number, pageSize: number): Promise<Page<SubscriptionView>> {
    const [rows, total] = await this.dataSource
      .getRepository(WebhookSubscriptionEntity)
      .findAndCount({ order: { createdAt: 'ASC' }, skip: (page - 1) * pageSize, take: pageSize });
    return { items: rows.map(view), page, pageSize, total };
  }

  async get(id: string): Promise<SubscriptionView> {
    const row = await this.dataSource.getRepository(WebhookSubscriptionEntity).findOneBy({ id });
    if (!row) throw new DomainError('not-found', 'error.subscriptionNotFound', { id });
    return view(row);
  }

  /** Stops deliveries to it; what was pending for it goes to the dead-letter list when its turn comes. */
  async deactivate(id: string): Promise<SubscriptionView> {
    await this.get(id);
    await this.dataSource.getRepository(WebhookSubscriptionEntity).update({ id }, { active: false });
    return this.get(id);
  }

  async deadLetters(page: number, pageSize: number): Promise<Page<DeadLetterView>> {
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<DeadLetterView[]>(
        `SELECT d.id, d.subscription_id AS "subscriptionId", d.target, o.event_id AS "eventId", o.type, o.subject, d.attempts,
                d.last_error AS "lastError", d.created_at AS "createdAt"
           FROM event_deliveries d JOIN event_outbox o ON o.seq = d.seq
          WHERE d.status = 'dead' ORDER BY d.seq LIMIT $1 OFFSET $2`,
        [pageSize, (page - 1) * pageSize],
      ),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM event_deliveries WHERE status = 'dead'`),
    ]);
    return { items: rows.map((r) => ({ ...r, id: String(r.id) })), page, pageSize, total };
  }

  /** Puts a dead delivery back in line, with its attempts counted afresh; 404 if it is not dead. */
  async replay(id: string): Promise<{ id: string; status: 'pending' }> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(EventDeliveryEntity)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: () => 'now()', lastError: null })
      .where('id = :id AND status = :dead', { id, dead: 'dead' })
      .execute();
    if (!result.affected) throw new DomainError('not-found', 'error.deadLetterNotFound', { id });
    return { id, status: 'pending' };
  }
}

function view({ secret: _secret, ...row }: WebhookSubscriptionEntity): SubscriptionView {
  return row;
}
