import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { In, type Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { getStateQuery, type Locale } from '@lib/contracts';
import { CalendarFeedEntity, openTaskCondition, ParticipationEntity, PersonEntity, TaskEntity } from '@lib/persistence';
import { DomainError } from '../common/domain-error';
import { messages } from '../common/messages';
import { personCalendar, type AttendedSession } from './calendar-events';

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');
/** How many of a person's active participations are asked for their sessions (each a workflow query). */
const PARTICIPATIONS_ASKED = 50;

/**
 * Each person's secret calendar address: created or replaced by its owner,
 * revoked by deleting it; read without a token (calendar applications send
 * none), the secret being the only key.
 */
@Injectable()
export class CalendarFeedService {
  private readonly logger = new Logger(CalendarFeedService.name);

  constructor(
    private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(CalendarFeedEntity) private readonly feeds: Repository<CalendarFeedEntity>,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(ParticipationEntity) private readonly participations: Repository<ParticipationEntity>,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
  ) {}

  /** A new secret address for the person; the previous one stops working. Shown once. */
  async renew(personId: string): Promise<{ path: string; url: string; createdAt: string }> {
    const secret = randomBytes(24).toString('base64url');
    const createdAt = new Date();
    await this.feeds.upsert({ personId, secretHash: hashOf(secret), createdAt }, ['personId']);
    const path = `/calendar/${secret}.ics`;
    return { path, url: `${this.config.publicBaseUrl}${path}`, createdAt: createdAt.toISOString() };
  }

  async revoke(personId: string): Promise<void> {
    await this.feeds.delete({ personId });
  }

  /** The calendar behind a secret, in its owner's language; 404 for an unknown or revoked one. */
  async render(secret: string): Promise<string> {
    const feed = await this.feeds.findOneBy({ secretHash: hashOf(secret) });
    const person = feed && (await this.people.findOneBy({ id: feed.personId, active: true }));
    if (!feed || !person) throw new DomainError('not-found', 'error.calendarFeedUnknown');
    const locale: Locale = person.language === 'en' ? 'en' : 'fr';
    const tasks = await this.tasks
      .createQueryBuilder('t')
      .where(openTaskCondition('t'))
      .andWhere('t.assignee_id = :id', { id: person.id })
      .orderBy('t.due_at', 'ASC')
      .limit(500)
      .getMany();
    const sessions = await this.sessionsLedBy(person.id, tasks);
    return personCalendar(
      person.id,
      {
        name: messages.t(locale, 'calendar.name', { name: person.displayName }),
        due: (title) => messages.t(locale, 'calendar.due', { title }),
      },
      tasks,
      sessions,
      this.config.publicBaseUrl,
    ).toString();
  }

  /**
   * Sessions live in the workflows (moved by signals and events), not in the
   * projection: ask the active participations the person works on or
   * coordinates, and keep the scheduled sessions they lead.
   */
  private async sessionsLedBy(personId: string, tasks: TaskEntity[]): Promise<AttendedSession[]> {
    const withTasks = await this.tasks
      .createQueryBuilder('t')
      .select('DISTINCT t.participation_id', 'id')
      .where('t.assignee_id = :id', { id: personId })
      .getRawMany<{ id: string }>();
    const ids = [...new Set([...withTasks.map((r) => r.id), ...tasks.map((t) => t.participationId)])];
    const active = await this.participations.find({
      where: [
        { id: In(ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000']), status: 'active' },
        { coordinatorId: personId, status: 'active' },
      ],
      order: { launchedAt: 'DESC' },
      take: PARTICIPATIONS_ASKED,
    });
    const found = await Promise.all(active.map((p) => this.sessionsOf(p, personId)));
    return found.flat();
  }

  private async sessionsOf(participation: ParticipationEntity, personId: string): Promise<AttendedSession[]> {
    try {
      const state = await this.client.withDeadline(Date.now() + this.config.durations.queryTimeoutMs, () =>
        this.client.workflow.getHandle(participation.workflowId).query(getStateQuery),
      );
      const sessions = (state.details.sessions ?? []) as Array<{
        key: string;
        label: string;
        date: string;
        leadId?: string;
        status: string;
      }>;
      return sessions
        .filter((s) => s.leadId === personId && s.status === 'scheduled')
        .map((s) => ({
          workflowId: participation.workflowId,
          key: s.key,
          label: s.label,
          date: s.date,
          participationTitle: participation.title,
        }));
    } catch (err) {
      // A workflow that does not answer in time leaves its sessions out of this reading, not the whole calendar.
      this.logger.warn({ err, workflowId: participation.workflowId }, 'sessions unavailable for the calendar feed');
      return [];
    }
  }
}
