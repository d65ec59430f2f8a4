import { SA_NEXT_DEADLINE, SA_OVERDUE_TASKS, SA_ASSIGNED_EXPERTS } from '../../libs/contracts/src';
import { AuditEntryEntity } from '../../libs/persistence/src';
import { participationApi } from '../helpers/participation-api';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

/** Deadlines are durable workflow timers; here they last seconds. */
describe('WTO round deadlines: federal escalation, task reminders and overdue tasks', () => {
  let stack: TestStack;
  let api: ReturnType<typeof participationApi>;

  beforeAll(async () => {
    stack = await startTestStack({ FEDERAL_RESPONSE_TIMEOUT: '1s', TASK_DUE_AFTER: '3s', TASK_REMINDER_BEFORE: '2s' });
    api = participationApi(stack);
  });
  afterAll(() => stack.close());

  const journal = (participationId: string, action: string) =>
    stack.dataSource.getRepository(AuditEntryEntity).findBy({ participationId, action });

  it('escalates to the coordinator when the federal answer is late, and keeps waiting for it', async () => {
    const launched = await api.launch(wtoLaunchBody());
    const escalated = await eventually(
      async () => {
        const [entry] = await journal(launched.id, 'federal.escalated');
        return entry;
      },
      { what: 'the federal escalation' },
    );
    expect(escalated.target).toBe('coord-lavoie');
    const detail = await api.get(launched.id);
    expect(detail.live).toMatchObject({ phase: 'federal-coordination', waitingFor: { code: 'federal-response' } });
    expect(detail.live.waitingFor.label).toContain('relance');
    // Late and still waiting: the passed deadline stays in NextDeadline, so `NextDeadline < now` finds it.
    const nextDeadline = (await stack.client.workflow.getHandle(launched.workflowId).describe()).typedSearchAttributes.get(
      SA_NEXT_DEADLINE,
    );
    expect(nextDeadline?.getTime()).toBeLessThan(Date.now());
    // The late answer is still taken.
    await api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    await api.waitForPhase(launched.id, 'position-drafting');
  });

  it('reminds before the due date, then marks tasks overdue and counts them in OverdueTasks', async () => {
    const launched = await api.launch(wtoLaunchBody());
    await api.waitForPhase(launched.id, 'federal-coordination');
    await api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    const open = await api.waitForOpenTasks(launched.id, 'position', 2);

    const handle = stack.client.workflow.getHandle(launched.workflowId);
    const attributes = await eventually(
      async () => {
        const sa = (await handle.describe()).typedSearchAttributes;
        return sa.get(SA_ASSIGNED_EXPERTS)?.length === 2 ? sa : undefined;
      },
      { what: 'AssignedExperts to list both experts' },
    );
    expect(attributes.get(SA_ASSIGNED_EXPERTS)).toEqual(['expert-nguyen', 'expert-tremblay']);
    expect(attributes.get(SA_NEXT_DEADLINE)?.toISOString()).toBe(open.map((t) => new Date(t.dueAt).toISOString()).sort()[0]);

    await eventually(async () => ((await journal(launched.id, 'task.reminder')).length === 2 ? true : undefined), {
      what: 'two reminders',
    });
    const overdue = await eventually(
      async () => {
        const tasks = await api.tasks(launched.id);
        return tasks.every((t) => t.overdue) ? tasks : undefined;
      },
      { what: 'both tasks to be overdue' },
    );
    expect(overdue.map((t) => t.status)).toEqual(['open', 'open']);
    await eventually(async () => ((await handle.describe()).typedSearchAttributes.get(SA_OVERDUE_TASKS) === 2 ? true : undefined), {
      what: 'OverdueTasks = 2',
    });

    // An overdue task can still be delivered; the count follows.
    await api.completeTask(open[0].id, open[0].assigneeId).expect(200);
    await eventually(async () => ((await handle.describe()).typedSearchAttributes.get(SA_OVERDUE_TASKS) === 1 ? true : undefined), {
      what: 'OverdueTasks = 1',
    });
    expect(await journal(launched.id, 'task.overdue')).toHaveLength(2);
  });
});
