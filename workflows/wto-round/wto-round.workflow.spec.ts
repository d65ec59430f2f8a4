import { randomUUID } from 'node:crypto';
import { WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  completeTaskUpdate,
  decideApprovalUpdate,
  getStateQuery,
  PARTICIPATION_SEARCH_ATTRIBUTES,
  PROJECTION_ACTIVITY_NAMES,
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
      activities: Object.fromEntries(PROJECTION_ACTIVITY_NAMES.map((name) => [name, recorder(name)])),
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
  });

  it('rejects requests that do not fit its state, with typed failures', async () => {
    const handle = await start(input());
    await until(async () => ((await handle.query(getStateQuery)).phase === 'federal-coordination' ? true : undefined));

    const failureOf = async (promise: Promise<unknown>) => {
      const err = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      return (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
    };
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
