import { randomUUID } from 'node:crypto';
import { WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { workflowTracingSinks } from '../../libs/telemetry/src';
import {
  completeTaskUpdate,
  declineTaskUpdate,
  decideApprovalUpdate,
  getStateQuery,
  PARTICIPATION_SEARCH_ATTRIBUTES,
  PROJECTION_ACTIVITY_NAMES,
  type ProjectionBatch,
  reassignTaskUpdate,
  recordFederalResponseUpdate,
  closeParticipationUpdate,
  SA_PHASE,
  type ProjectionActivities,
} from '../../libs/contracts/src';
import { WTO_ROUND_WORKFLOW, type WtoRoundInput } from './wto-round.contract';
import { quietTemporalRuntime } from '../../test/helpers/quiet-temporal';

/*
 * The workflow alone, on a real dev server started by TestWorkflowEnvironment
 * with the project's CLI binary (no download). Activities are recorded in memory
 * here; the e2e tests run the real ones against PostgreSQL.
 */
describe('wtoRoundWorkflow', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const calls: Array<{ name: keyof ProjectionActivities; arg: Record<string, unknown> }> = [];
  const taskQueue = `wto-round-spec-${randomUUID()}`;

  const recorder = (name: keyof ProjectionActivities) => (arg: Record<string, unknown>) => {
    calls.push({ name, arg });
    return Promise.resolve();
  };

  beforeAll(async () => {
    quietTemporalRuntime();
    env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: requiredEnv('TEMPORAL_CLI') },
        searchAttributes: [...PARTICIPATION_SEARCH_ATTRIBUTES],
      },
    });
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: requiredEnv('WORKFLOW_BUNDLE_PATH') },
      sinks: workflowTracingSinks(),
      activities: {
        ...Object.fromEntries(PROJECTION_ACTIVITY_NAMES.map((name) => [name, recorder(name)])),
        // Runs started now batch their writes: each write of a batch is recorded as if called alone.
        applyProjectionBatch: ({ writes }: ProjectionBatch) => {
          for (const write of writes) calls.push({ name: write.name, arg: write.input as unknown as Record<string, unknown> });
          return Promise.resolve({ writes, results: writes.map(() => null) });
        },
      },
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  function input(overrides: Partial<WtoRoundInput> = {}): WtoRoundInput {
    return {
      participationId: randomUUID(),
      kind: 'wto-round',
      businessKey: `spec-${randomUUID().slice(0, 8)}`,
      title: 'Ronde de test',
      forum: 'wto',
      coordinatorId: 'coord-a',
      locale: 'en',
      launchedAt: new Date().toISOString(),
      issueAreas: [{ area: 'agriculture', expertId: 'expert-a' }],
      mandateApproverIds: ['approver-a'],
      sessions: [],
      timing: { federalResponseTimeoutMs: 60_000, taskDueMs: 60_000, taskReminderBeforeMs: 0 },
      ...overrides,
    };
  }

  async function start(wfInput: WtoRoundInput) {
    return env.client.workflow.start(WTO_ROUND_WORKFLOW, {
      taskQueue,
      workflowId: `wto-round/${wfInput.businessKey}`,
      args: [wfInput],
    });
  }

  async function until<T>(fn: () => Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < 200; i += 1) {
      const value = await fn();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('condition never met');
  }

  async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
    const err = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  }

  it('walks every phase and reports where it stands through the getState query', async () => {
    const wfInput = input();
    const handle = await start(wfInput);
    // waitingFor is set once the phase change is stored: wait for it, not only for the phase.
    await until(async () => ((await handle.query(getStateQuery)).waitingFor?.code === 'federal-response' ? true : undefined));
    const waiting = await handle.query(getStateQuery);
    expect(waiting.waitingFor).toMatchObject({ code: 'federal-response' });
    expect(waiting.waitingFor?.label).toContain('federal government');

    await handle.executeUpdate(recordFederalResponseUpdate, { args: [{ decision: 'granted', actorId: 'coord-a' }] });
    const task = await until(async () => (await handle.query(getStateQuery)).tasks.find((t) => t.status === 'open'));
    expect(task).toMatchObject({ assigneeId: 'expert-a', title: 'Position on "agriculture" (revision 1)' });

    const done = await handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: task.taskId, actorId: 'expert-a', deliverable: { summary: 'ok' } }],
    });
    expect(done.status).toBe('completed');

    await until(async () => ((await handle.query(getStateQuery)).phase === 'mandate-approval' ? true : undefined));
    await handle.executeUpdate(decideApprovalUpdate, { args: [{ decision: 'approve', approverId: 'approver-a' }] });
    await until(async () => ((await handle.query(getStateQuery)).phase === 'closing' ? true : undefined));
    await handle.executeUpdate(closeParticipationUpdate, { args: [{ outcome: 'suspended', actorId: 'coord-a' }] });

    const result = await handle.result();
    expect(result).toMatchObject({ outcome: 'suspended', participationId: wfInput.participationId });
    const phases = calls.filter((c) => c.name === 'recordPhaseChange' && c.arg.workflowId === handle.workflowId).map((c) => c.arg.toPhase);
    expect(phases).toEqual(['federal-coordination', 'position-drafting', 'mandate-approval', 'negotiation-sessions', 'closing', 'closed']);
    const stepKeys = calls.filter((c) => c.arg.workflowId === handle.workflowId && c.arg.stepKey).map((c) => c.arg.stepKey);
    expect(new Set(stepKeys).size).toBe(stepKeys.length);
    expect((await handle.describe()).typedSearchAttributes.get(SA_PHASE)).toBe('closed');

    // The Updates decided: the approval task and the closing task they left are cancelled, saying who decided.
    const cancelled = calls.filter(
      (c) => c.name === 'changeTask' && c.arg.workflowId === handle.workflowId && c.arg.status === 'cancelled',
    );
    const kindOf = (taskId: unknown) => calls.find((c) => c.name === 'openTask' && c.arg.taskId === taskId)?.arg.kind;
    expect(cancelled.map((c) => [kindOf(c.arg.taskId), c.arg.note])).toEqual([
      ['approval', 'Decided by approver-a: approved.'],
      ['closing', 'Participation closed by coord-a: suspended.'],
    ]);
  });

  it('closes from the coordinator’s closing task, its outcome and summary taken from the deliverable', async () => {
    const handle = await start(input());
    await until(async () => ((await handle.query(getStateQuery)).phase === 'federal-coordination' ? true : undefined));
    await handle.executeUpdate(recordFederalResponseUpdate, { args: [{ decision: 'granted', actorId: 'coord-a' }] });
    const position = await until(async () => (await handle.query(getStateQuery)).tasks.find((t) => t.status === 'open'));
    await handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: position.taskId, actorId: 'expert-a', deliverable: { summary: 'ok' } }],
    });
    const approval = await until(async () => (await handle.query(getStateQuery)).tasks.find((t) => t.status === 'open'));
    await handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: approval.taskId, actorId: 'approver-a', deliverable: { summary: 'oui', fields: { decision: 'approve' } } }],
    });

    const closing = await until(async () => {
      const state = await handle.query(getStateQuery);
      return state.phase === 'closing' ? state.tasks.find((t) => t.status === 'open') : undefined;
    });
    expect(closing).toMatchObject({ assigneeId: 'coord-a', title: 'Closing: Ronde de test' });
    const close = (actorId: string, fields: Record<string, string>) =>
      handle.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: closing.taskId, actorId, deliverable: { summary: 'Accord conclu.', fields } }],
      });
    expect((await failureOf(close('coord-a', { outcome: 'cancelled' }))).type).toBe('InvalidInput');
    expect((await failureOf(close('approver-a', { outcome: 'concluded' }))).type).toBe('NotAllowed');
    await close('coord-a', { outcome: 'concluded' });
    expect(await handle.result()).toMatchObject({ outcome: 'concluded', summary: 'Accord conclu.' });
  });

  it('offers the mandate to each approver as a task: the first decision decides, the other tasks close', async () => {
    const handle = await start(input({ mandateApproverIds: ['approver-a', 'approver-b'] }));
    await until(async () => ((await handle.query(getStateQuery)).phase === 'federal-coordination' ? true : undefined));
    await handle.executeUpdate(recordFederalResponseUpdate, { args: [{ decision: 'granted', actorId: 'coord-a' }] });
    const position = await until(async () => (await handle.query(getStateQuery)).tasks.find((t) => t.status === 'open'));
    await handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: position.taskId, actorId: 'expert-a', deliverable: { summary: 'ok' } }],
    });

    const approvals = await until(async () => {
      const open = (await handle.query(getStateQuery)).tasks.filter((t) => t.status === 'open');
      return open.length === 2 ? open : undefined;
    });
    expect(approvals.map((t) => t.assigneeId).sort()).toEqual(['approver-a', 'approver-b']);
    expect(approvals[0].title).toBe('Mandate approval: Ronde de test (revision 1)');
    const opened = await until(async () => {
      const found = calls.filter((c) => c.name === 'openTask' && c.arg.workflowId === handle.workflowId && c.arg.kind === 'approval');
      return Promise.resolve(found.length === 2 ? found : undefined);
    });
    expect(opened.map((c) => c.arg.requiredFields)).toEqual([
      { decision: { type: 'choice', values: ['approve', 'revise', 'reject'] } },
      { decision: { type: 'choice', values: ['approve', 'revise', 'reject'] } },
    ]);
    const [mine, theirs] = [approvals.find((t) => t.assigneeId === 'approver-a')!, approvals.find((t) => t.assigneeId === 'approver-b')!];
    const complete = (taskId: string, actorId: string, fields: Record<string, string>) =>
      handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actorId, deliverable: { summary: 'décision', fields } }] });

    // A decision is not handed to someone else (the coordinator would then decide in the approver's place).
    const handOver = handle.executeUpdate(reassignTaskUpdate, {
      args: [{ taskId: mine.taskId, actorId: 'coord-a', assigneeId: 'coord-a', reason: 'Absent.' }],
    });
    expect((await failureOf(handOver)).type).toBe('NotAllowed');
    // Nor declined: it would wait for a reassignment that a decision refuses.
    const declined = handle.executeUpdate(declineTaskUpdate, { args: [{ taskId: mine.taskId, actorId: 'approver-a', reason: 'Absent.' }] });
    expect((await failureOf(declined)).type).toBe('NotAllowed');

    // A revision without comments, or no decision at all, is refused; with comments it reopens the drafting.
    expect((await failureOf(complete(mine.taskId, 'approver-a', { decision: 'revise' }))).type).toBe('InvalidInput');
    expect((await failureOf(complete(mine.taskId, 'approver-a', { decision: 'maybe' }))).type).toBe('InvalidInput');
    await complete(mine.taskId, 'approver-a', { decision: 'revise', comments: 'Préciser.' });
    expect((await failureOf(complete(theirs.taskId, 'approver-b', { decision: 'approve' }))).type).toBe('WrongState');
    await until(async () => ((await handle.query(getStateQuery)).phase === 'position-drafting' ? true : undefined));
    const state = await handle.query(getStateQuery);
    expect(state.tasks.find((t) => t.taskId === theirs.taskId)?.status).toBe('cancelled');
    const cancelled = calls.find((c) => c.name === 'changeTask' && c.arg.taskId === theirs.taskId && c.arg.status === 'cancelled');
    expect(cancelled?.arg).toMatchObject({ actorId: 'approver-a', note: 'Decided by approver-a: revision requested.' });
    const journaled = calls.find(
      (c) => c.name === 'appendJournal' && c.arg.workflowId === handle.workflowId && c.arg.action === 'approval.revise',
    );
    expect(journaled?.arg).toMatchObject({ actorId: 'approver-a', note: 'Préciser.' });
    await handle.terminate('test over');
  });

  it('rejects requests that do not fit its state, with typed failures', async () => {
    const handle = await start(input());
    await until(async () => ((await handle.query(getStateQuery)).phase === 'federal-coordination' ? true : undefined));

    expect(
      (await failureOf(handle.executeUpdate(decideApprovalUpdate, { args: [{ decision: 'approve', approverId: 'approver-a' }] }))).type,
    ).toBe('WrongState');
    expect(
      (
        await failureOf(
          handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: 'nope', actorId: 'x', deliverable: { summary: 's' } }] }),
        )
      ).type,
    ).toBe('InvalidInput');
    const closing = await failureOf(
      handle.executeUpdate(closeParticipationUpdate, { args: [{ outcome: 'concluded', actorId: 'coord-a' }] }),
    );
    expect(closing.details?.[0]).toMatchObject({ key: 'reject.notClosing', params: { phase: 'federal-coordination' } });
    await handle.terminate('test over');
  });

  it('fails at once, without retrying, when started with a bad input by another client', async () => {
    const bad = { ...input(), issueAreas: [], timing: undefined } as unknown as WtoRoundInput;
    const handle = await start(bad);
    const err = await handle.result().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowFailedError);
    const cause = (err as WorkflowFailedError).cause as ApplicationFailure;
    expect(cause.type).toBe('InvalidInput');
    expect(cause.nonRetryable).toBe(true);
    expect(cause.message).toContain('issueAreas');
    expect(cause.message).toContain('timing');
  });

  it('closes its open tasks and ends as cancelled when cancelled from Temporal', async () => {
    const wfInput = input();
    const handle = await start(wfInput);
    await until(async () => ((await handle.query(getStateQuery)).phase === 'federal-coordination' ? true : undefined));
    await handle.executeUpdate(recordFederalResponseUpdate, { args: [{ decision: 'granted', actorId: 'coord-a' }] });
    await until(async () => (await handle.query(getStateQuery)).tasks.find((t) => t.status === 'open'));
    await handle.cancel();
    const err = await handle.result().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    const closing = calls.find((c) => c.name === 'closeParticipation' && c.arg.workflowId === handle.workflowId);
    expect(closing?.arg).toMatchObject({ status: 'cancelled', outcome: 'cancelled', actorId: 'temporal' });
    const cancelledTasks = calls.filter(
      (c) => c.name === 'changeTask' && c.arg.workflowId === handle.workflowId && c.arg.status === 'cancelled',
    );
    expect(cancelledTasks).toHaveLength(1);
  });
});

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest's global setup (npm test)`);
  return value;
}
