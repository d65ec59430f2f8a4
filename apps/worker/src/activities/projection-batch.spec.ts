import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditEntryEntity, ParticipationEntity, TaskEntity } from '../../../../libs/persistence/src';
import type { ProjectionWrite } from '../../../../libs/contracts/src';
import { projectionServiceOnRunDatabase } from '../../../../test/helpers/projection-service';
import type { ProjectionActivitiesService } from './projection.activities';

/** One workflow task's writes on the real PostgreSQL: all of them or none, once. */
describe('applyProjectionBatch', () => {
  let dataSource: DataSource;
  let activities: ProjectionActivitiesService;

  beforeAll(async () => {
    ({ dataSource, activities } = await projectionServiceOnRunDatabase());
  });
  afterAll(() => dataSource?.destroy());

  const at = () => new Date().toISOString();

  /** A launch, its first phase, a task and the close: what a short participation writes. */
  function writes() {
    const key = randomUUID().slice(0, 8);
    const participationId = randomUUID();
    const workflowId = `wto-round/batch-${key}`;
    const taskId = randomUUID();
    const ids = { workflowId, participationId };
    const launch: ProjectionWrite = {
      name: 'registerParticipation',
      input: {
        ...ids,
        kind: 'wto-round',
        businessKey: `batch-${key}`,
        title: 'Lot',
        forum: 'wto',
        coordinatorId: 'coord-a',
        locale: 'fr',
        launchedAt: at(),
        phase: 'launched',
        details: {},
      },
    };
    const phase: ProjectionWrite = {
      name: 'recordPhaseChange',
      input: { ...ids, stepKey: '0001:phase/drafting', fromPhase: 'launched', toPhase: 'drafting', at: at() },
    };
    const task: ProjectionWrite = {
      name: 'openTask',
      input: {
        ...ids,
        taskId,
        stepKey: '0002:task/draft',
        kind: 'position-paper',
        title: 'Rédiger',
        instructions: '',
        assigneeId: 'expert-a',
        candidateGroup: null,
        dueAt: at(),
        priority: 'normal',
        at: at(),
      },
    };
    const cancelled: ProjectionWrite = {
      name: 'changeTask',
      input: {
        taskId,
        workflowId,
        stepKey: '0002:task/draft/1-cancelled',
        status: 'cancelled',
        actorId: 'coord-a',
        action: 'task.cancelled',
        at: at(),
      },
    };
    const phaseClosed: ProjectionWrite = {
      name: 'recordPhaseChange',
      input: { ...ids, stepKey: '0003:phase/closed', fromPhase: 'drafting', toPhase: 'closed', at: at() },
    };
    const close: ProjectionWrite = {
      name: 'closeParticipation',
      input: { ...ids, stepKey: '0004:close', status: 'cancelled', outcome: 'cancelled', actorId: 'coord-a', at: at() },
    };
    return { ids, taskId, opening: [launch, phase, task], closing: [cancelled, phaseClosed, close] };
  }

  it('writes a batch in one go and answers each write, with the writes themselves', async () => {
    const { ids, taskId, opening } = writes();
    const answer = await activities.applyProjectionBatch({ writes: opening });
    expect(answer.writes).toEqual(opening);
    expect(answer.results).toEqual([null, null, { assigneeId: 'expert-a', delegatedFrom: null }]);
    expect(await dataSource.getRepository(ParticipationEntity).findOneByOrFail({ id: ids.participationId })).toMatchObject({
      phase: 'drafting',
    });
    expect(await dataSource.getRepository(TaskEntity).findOneByOrFail({ id: taskId })).toMatchObject({ status: 'open' });
  });

  it('changes nothing when the same batch comes again (a retry after the commit)', async () => {
    const { ids, opening, closing } = writes();
    await activities.applyProjectionBatch({ writes: opening });
    await activities.applyProjectionBatch({ writes: closing });
    const entries = await dataSource.getRepository(AuditEntryEntity).countBy({ workflowId: ids.workflowId });
    const again = await activities.applyProjectionBatch({ writes: closing });
    expect(again.results).toEqual([null, null, null]);
    expect(await dataSource.getRepository(AuditEntryEntity).countBy({ workflowId: ids.workflowId })).toBe(entries);
  });

  it('writes nothing of a batch one of whose writes fails: no closed phase on an active participation', async () => {
    const { ids, opening, closing } = writes();
    await activities.applyProjectionBatch({ writes: opening });
    const missing: ProjectionWrite = {
      name: 'changeTask',
      input: {
        taskId: randomUUID(),
        workflowId: ids.workflowId,
        stepKey: '0005:task/none/1-cancelled',
        status: 'cancelled',
        actorId: 'x',
        action: 'task.cancelled',
        at: at(),
      },
    };
    // The task with no row fails after the phase and the close were written in the same transaction.
    await expect(activities.applyProjectionBatch({ writes: [...closing, missing] })).rejects.toThrow(/has no row/);
    const row = await dataSource.getRepository(ParticipationEntity).findOneByOrFail({ id: ids.participationId });
    expect(row).toMatchObject({ phase: 'drafting', status: 'active', outcome: null });
    const closed = await dataSource.getRepository(AuditEntryEntity).countBy({ workflowId: ids.workflowId, action: 'participation.closed' });
    expect(closed).toBe(0);
  });
});
