import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AuditEntryEntity,
  BROKER_TARGET,
  EventDeliveryEntity,
  EventOutboxEntity,
  ParticipationEntity,
  TaskEntity,
  TASK_EVENTS_CHANNEL,
} from '../../../../libs/persistence/src';
import type { RegisterParticipation } from '../../../../libs/contracts/src';
import { projectionServiceOnRunDatabase } from '../../../../test/helpers/projection-service';
import { connectRunDatabase } from '../../../../test/helpers/database';
import { loadConfig } from '../../../../libs/config/src';
import { NotificationOutbox } from '../../../../libs/notifications/src';
import { PublishedEventOutbox } from '../published-events/published-event-outbox';
import { ProjectionActivitiesService } from './projection.activities';

/** Activities on the real PostgreSQL: each write, run twice as a retry would, lands once. */
describe('ProjectionActivitiesService', () => {
  let dataSource: DataSource;
  let activities: ProjectionActivitiesService;

  beforeAll(async () => {
    ({ dataSource, activities } = await projectionServiceOnRunDatabase());
  });
  afterAll(() => dataSource?.destroy());

  function participation(): RegisterParticipation {
    const key = randomUUID().slice(0, 8);
    return {
      participationId: randomUUID(),
      workflowId: `wto-round/activity-${key}`,
      kind: 'wto-round',
      businessKey: `activity-${key}`,
      title: "Test <script>alert(1)</script> '; DROP TABLE tasks; --",
      forum: 'wto',
      coordinatorId: 'coord-a',
      locale: 'fr',
      launchedAt: new Date().toISOString(),
      phase: 'launched',
      details: {},
    };
  }

  const at = () => new Date().toISOString();

  it('registers a participation once, storing text literally', async () => {
    const p = participation();
    await activities.registerParticipation(p);
    await activities.registerParticipation(p);
    const rows = await dataSource.getRepository(ParticipationEntity).findBy({ workflowId: p.workflowId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: p.title, phase: 'launched', status: 'active' });
    expect(await dataSource.getRepository(AuditEntryEntity).countBy({ workflowId: p.workflowId })).toBe(1);
  });

  it('applies a phase change, a task and its completion once each, with old and new values journaled', async () => {
    const p = participation();
    await activities.registerParticipation(p);
    const phase = {
      workflowId: p.workflowId,
      participationId: p.participationId,
      stepKey: '0001:phase/x',
      fromPhase: 'launched',
      toPhase: 'position-drafting',
      at: at(),
    };
    await activities.recordPhaseChange(phase);
    await activities.recordPhaseChange(phase);

    const taskId = randomUUID();
    const open = {
      taskId,
      workflowId: p.workflowId,
      participationId: p.participationId,
      stepKey: '0002:task/a',
      kind: 'position',
      title: 'T',
      instructions: 'I',
      assigneeId: 'expert-a',
      candidateGroup: null,
      dueAt: at(),
      priority: 'normal' as const,
      at: at(),
    };
    await activities.openTask(open);
    await activities.openTask(open);
    const done = {
      taskId,
      workflowId: p.workflowId,
      stepKey: '0002:task/a/completed',
      status: 'completed' as const,
      deliverable: { summary: 'fait' },
      actorId: 'expert-a',
      action: 'task.completed',
      at: at(),
    };
    await activities.changeTask(done);
    await activities.changeTask(done);

    const row = await dataSource.getRepository(ParticipationEntity).findOneByOrFail({ id: p.participationId });
    expect(row.phase).toBe('position-drafting');
    // Supervisors see how long it has waited in its phase from this date.
    expect(row.phaseEnteredAt.toISOString()).toBe(phase.at);
    const tasks = await dataSource.getRepository(TaskEntity).findBy({ workflowId: p.workflowId });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ status: 'completed', deliverable: { summary: 'fait' } });
    expect(tasks[0].completedAt).toBeInstanceOf(Date);

    const journal = await dataSource.getRepository(AuditEntryEntity).find({ where: { workflowId: p.workflowId }, order: { id: 'ASC' } });
    expect(journal.map((e) => e.action)).toEqual(['participation.launched', 'participation.phase', 'task.opened', 'task.completed']);
    expect(journal[3]).toMatchObject({ oldValue: { status: 'open', deliverable: null }, newValue: { status: 'completed' } });
  });

  it('announces each task change once, with the row as it was written, and nothing for a retry', async () => {
    const listener = new Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: Record<string, unknown>[] = [];
    listener.on('notification', (message) => {
      const payload = JSON.parse(message.payload ?? '{}') as Record<string, unknown>;
      if (payload.taskId === taskId) heard.push(payload);
    });
    await listener.query(`LISTEN ${TASK_EVENTS_CHANNEL}`);
    const p = participation();
    const taskId = randomUUID();
    try {
      await activities.registerParticipation(p);
      const open = {
        taskId,
        workflowId: p.workflowId,
        participationId: p.participationId,
        stepKey: '0001:task/a',
        kind: 'position',
        title: 'T',
        instructions: 'I',
        assigneeId: 'expert-a',
        candidateGroup: null,
        dueAt: at(),
        priority: 'normal' as const,
        at: at(),
      };
      await activities.openTask(open);
      await activities.openTask(open);
      const done = {
        taskId,
        workflowId: p.workflowId,
        stepKey: '0001:task/a/completed',
        status: 'completed' as const,
        deliverable: { summary: 'fait' },
        actorId: 'expert-a',
        action: 'task.completed',
        at: at(),
      };
      await activities.changeTask(done);
      await activities.changeTask(done);
      // NOTIFY arrives after its commit; a retry would be heard within the pause that follows.
      await waitFor(() => heard.length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const common = { taskId, participationId: p.participationId, assigneeId: 'expert-a', candidateGroup: null, coordinatorId: 'coord-a' };
      expect(heard).toEqual([
        { ...common, status: 'open', action: 'task.opened' },
        { ...common, status: 'completed', action: 'task.completed' },
      ]);
    } finally {
      await listener.end();
    }
  });

  it('closes a participation once', async () => {
    const p = participation();
    await activities.registerParticipation(p);
    const closing = {
      workflowId: p.workflowId,
      participationId: p.participationId,
      stepKey: '0003:close',
      status: 'completed' as const,
      outcome: 'concluded' as const,
      summary: 'fin',
      actorId: 'coord-a',
      at: at(),
    };
    await activities.closeParticipation(closing);
    await activities.closeParticipation(closing);
    const row = await dataSource.getRepository(ParticipationEntity).findOneByOrFail({ id: p.participationId });
    expect(row).toMatchObject({ status: 'completed', outcome: 'concluded', closingSummary: 'fin' });
    expect(await dataSource.getRepository(AuditEntryEntity).countBy({ workflowId: p.workflowId, action: 'participation.closed' })).toBe(1);
  });

  it('refuses to change a task that was never opened, so the activity retries instead of losing the change', async () => {
    await expect(
      activities.changeTask({
        taskId: randomUUID(),
        workflowId: 'w',
        stepKey: 's',
        overdue: true,
        actorId: 'a',
        action: 'task.overdue',
        at: at(),
      }),
    ).rejects.toThrow('has no row');
  });
});

/** The published events' outbox: written with the projection, once per journal entry, never without it. */
describe('ProjectionActivitiesService and the published events', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await connectRunDatabase();
  });
  afterAll(() => dataSource?.destroy());

  const registration = (): RegisterParticipation => {
    const key = randomUUID().slice(0, 8);
    return {
      participationId: randomUUID(),
      workflowId: `wto-round/published-${key}`,
      kind: 'wto-round',
      businessKey: `published-${key}`,
      title: 'Publication',
      forum: 'wto',
      coordinatorId: 'coord-a',
      locale: 'fr',
      launchedAt: new Date().toISOString(),
      phase: 'launched',
      details: {},
    };
  };

  it('writes one CloudEvent per published entry, with a broker delivery when the broker is on, even when retried', async () => {
    const activities = new ProjectionActivitiesService(
      dataSource,
      new NotificationOutbox(loadConfig({})),
      new PublishedEventOutbox(loadConfig({ NATS_URL: 'nats://127.0.0.1:1' })),
    );
    const p = registration();
    await activities.registerParticipation(p);
    await activities.registerParticipation(p);
    const phase = { ...p, stepKey: 'phase/1', fromPhase: 'launched', toPhase: 'mandate', at: new Date().toISOString() };
    await activities.recordPhaseChange(phase);
    await activities.recordPhaseChange(phase);
    const rows = await dataSource.getRepository(EventOutboxEntity).find({ where: { subject: p.workflowId }, order: { seq: 'ASC' } });
    expect(rows.map((r) => r.type)).toEqual([
      'ca.qc.mri.participations.participation.launched',
      'ca.qc.mri.participations.participation.phase-changed',
    ]);
    expect(rows[1].data).toMatchObject({ phase: 'mandate', change: { phase: 'mandate' }, previous: { phase: 'launched' } });
    expect(rows[1].data.text.fr).toBeTruthy();
    expect(await dataSource.getRepository(EventDeliveryEntity).countBy({ participationId: p.participationId, target: BROKER_TARGET })).toBe(
      2,
    );
    // The database is shared: no other test's broker-enabled worker should publish these.
    await dataSource.getRepository(EventDeliveryEntity).update({ participationId: p.participationId }, { status: 'delivered' });
  });

  it('writes nothing when the process dies after the outbox write: projection and event commit together, and the retry writes both once', async () => {
    /** The real writer, then a crash before the commit (the process killed, the database gone). */
    class CrashAfterWrite extends PublishedEventOutbox {
      override async enqueueFor(em: EntityManager, workflowId: string, stepKey: string): Promise<void> {
        await super.enqueueFor(em, workflowId, stepKey);
        throw new Error('crash after the outbox write');
      }
    }
    const p = registration();
    const crashing = new ProjectionActivitiesService(
      dataSource,
      new NotificationOutbox(loadConfig({})),
      new CrashAfterWrite(loadConfig({})),
    );
    await expect(crashing.registerParticipation(p)).rejects.toThrow('crash after the outbox write');
    expect(await dataSource.getRepository(ParticipationEntity).countBy({ workflowId: p.workflowId })).toBe(0);
    expect(await dataSource.getRepository(EventOutboxEntity).countBy({ subject: p.workflowId })).toBe(0);

    const activities = new ProjectionActivitiesService(
      dataSource,
      new NotificationOutbox(loadConfig({})),
      new PublishedEventOutbox(loadConfig({})),
    );
    await activities.registerParticipation(p);
    expect(await dataSource.getRepository(ParticipationEntity).countBy({ workflowId: p.workflowId })).toBe(1);
    expect(await dataSource.getRepository(EventOutboxEntity).countBy({ subject: p.workflowId })).toBe(1);
  });
});

/** Polls until `done` holds, for at most 5 s. */
async function waitFor(done: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 5_000; !done();) {
    if (Date.now() > deadline) throw new Error('not heard within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
