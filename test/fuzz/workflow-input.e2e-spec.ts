import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import fc from 'fast-check';
import { ACTOR_ID_PATTERN, BUSINESS_KEY_PATTERN } from '../../libs/contracts/src';
import { PersonEntity } from '../../libs/persistence/src';
import { WTO_ROUND_WORKFLOW, type WtoRoundInput } from '../../workflows/wto-round/wto-round.contract';
import { startWorkerProcess, type AppProcess } from '../helpers/app-process';
import { recordFigures } from '../helpers/figures';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { mutatedBody, storableText } from './arbitraries';

const run = promisify(execFile);
type Outcome = 'rejected' | 'running' | 'spinning';

/**
 * Workflow inputs checked again in the workflow's first step: a workflow
 * started by another client (the `temporal` CLI, a script) with a bad input
 * fails at once with a readable, non-retryable failure, and never spins (no
 * failing workflow task retried, no activity retrying a value it can never write).
 */
describe('bad input: workflow inputs from other clients', () => {
  let stack: TestStack;
  let worker: AppProcess | undefined;
  const count = { requests: 0, workflowInputs: 0, spinning: 0 };

  beforeAll(async () => {
    stack = await startTestStack({}, { worker: false });
    // A worker process: each rejected input is logged as a failed workflow, which belongs in its log, not in the test output.
    worker = await startWorkerProcess({ TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue });
  });
  afterAll(async () => {
    recordFigures('fuzz', count);
    await worker?.kill('SIGTERM');
    await stack?.close();
  });

  function validInput(): WtoRoundInput {
    return {
      participationId: randomUUID(),
      kind: 'wto-round',
      businessKey: `input-${randomUUID().slice(0, 8)}`,
      title: 'Cycle de Doha',
      forum: 'wto',
      coordinatorId: 'coord-lavoie',
      locale: 'fr',
      launchedAt: new Date().toISOString(),
      issueAreas: [{ area: 'agriculture', expertId: 'expert-tremblay' }],
      mandateApproverIds: ['dm-international'],
      sessions: [{ date: new Date(Date.now() + 3_600_000).toISOString(), leadExpertId: 'expert-tremblay' }],
      timing: { federalResponseTimeoutMs: 3_600_000, taskDueMs: 3_600_000, taskReminderBeforeMs: 0 },
    };
  }

  /** Whether the workflow failed its input check, runs (its projection is written), or spins. */
  async function outcomeOf(workflowId: string, participationId: unknown): Promise<Outcome> {
    count.workflowInputs += 1;
    const outcome = await eventually(
      async () => {
        const { status } = await stack.client.workflow.getHandle(workflowId).describe();
        if (status.name === 'FAILED') return 'rejected' as const;
        const rows =
          typeof participationId === 'string' && /^[0-9a-f-]{36}$/i.test(participationId)
            ? await stack.dataSource.query(`SELECT 1 FROM participations WHERE id = $1 AND workflow_id = $2`, [participationId, workflowId])
            : [];
        return rows.length > 0 ? ('running' as const) : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 200, what: `${workflowId} to fail or to run` },
    ).catch(() => 'spinning' as const);
    const spins = outcome === 'spinning' || (await failedWorkflowTasks(workflowId)) > 0;
    if (spins) count.spinning += 1;
    if (outcome !== 'rejected')
      await stack.client.workflow
        .getHandle(workflowId)
        .terminate('input test over')
        .catch(() => undefined);
    return spins ? 'spinning' : outcome;
  }

  async function failedWorkflowTasks(workflowId: string): Promise<number> {
    const history = await stack.client.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? []).filter((e) => e.workflowTaskFailedEventAttributes).length;
  }

  async function failureOf(workflowId: string): Promise<ApplicationFailure> {
    const err = await stack.client.workflow
      .getHandle(workflowId)
      .result()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(WorkflowFailedError);
    return (err as WorkflowFailedError).cause as ApplicationFailure;
  }

  it('fails a bad input started with the temporal CLI at once, readably and without retrying', async () => {
    const cli = process.env.TEMPORAL_CLI as string;
    const bad: Array<[string, unknown, string]> = [
      ['empty object', {}, 'participationId must be a non-empty string'],
      ['a participation id that is no UUID', { ...validInput(), participationId: 'p-1' }, 'participationId must be a UUID'],
      ['not an object', 'doha', 'input must be an object'],
      ['null', null, 'input must be an object'],
      ['NUL in the title', { ...validInput(), title: 'a\u0000b' }, 'input.title holds a NUL character'],
      [
        'a timer beyond ten years',
        { ...validInput(), timing: { federalResponseTimeoutMs: 1e15, taskDueMs: 1, taskReminderBeforeMs: 0 } },
        'timing.federalResponseTimeoutMs',
      ],
      [
        'an expert named by name',
        { ...validInput(), issueAreas: [{ area: 'agriculture', expertId: 'Mme Tremblay' }] },
        'expertId (identifier)',
      ],
    ];
    for (const [what, input, reason] of bad) {
      const workflowId = `wto-round/cli-${randomUUID().slice(0, 8)}`;
      await run(cli, [
        'workflow',
        'start',
        '--address',
        stack.config.temporal.address,
        '--namespace',
        stack.config.temporal.namespace,
        '--task-queue',
        stack.config.temporal.taskQueue,
        '--type',
        WTO_ROUND_WORKFLOW,
        '--workflow-id',
        workflowId,
        '--input',
        JSON.stringify(input),
      ]);
      count.requests += 1;
      const failure = await failureOf(workflowId);
      expect({ what, type: failure.type, nonRetryable: failure.nonRetryable }).toEqual({ what, type: 'InvalidInput', nonRetryable: true });
      expect(failure.message).toContain('invalid workflow input');
      expect(failure.message).toContain(reason);
      expect(await outcomeOf(workflowId, (input as { participationId?: unknown } | null)?.participationId)).toBe('rejected');
    }
  }, 120_000);

  it('either rejects or runs any mutated input, and never spins', async () => {
    const valid = validInput();
    await fc.assert(
      fc.asyncProperty(mutatedBody(valid), async (input) => {
        const workflowId = `wto-round/fuzz-${randomUUID().slice(0, 8)}`;
        const fresh = {
          ...(input as object),
          participationId:
            (input as WtoRoundInput)?.participationId === valid.participationId ? randomUUID() : (input as WtoRoundInput)?.participationId,
        };
        await stack.client.workflow.start(WTO_ROUND_WORKFLOW, {
          workflowId,
          taskQueue: stack.config.temporal.taskQueue,
          args: [input && typeof input === 'object' && !Array.isArray(input) ? fresh : input],
        });
        expect(await outcomeOf(workflowId, (fresh as { participationId?: unknown }).participationId)).not.toBe('spinning');
      }),
      { numRuns: 25 },
    );
  }, 300_000);

  it('runs every launch body the API accepts: its validation and the workflow’s agree', async () => {
    const slug = fc.stringMatching(BUSINESS_KEY_PATTERN).filter((s) => s.length <= 80);
    const actor = fc.stringMatching(ACTOR_ID_PATTERN);
    const year = 365 * 24 * 3600 * 1000;
    const between = (from: number, to: number) => fc.date({ min: new Date(from), max: new Date(to), noInvalidDate: true });
    // Mostly dates a round could have; some far outside, which the API must refuse rather than the workflow.
    const sessionDate = fc
      .oneof(
        { weight: 4, arbitrary: between(Date.now() - 90 * year, Date.now() + 90 * year) },
        between(Date.parse('1000-01-01'), Date.parse('9999-12-31')),
      )
      .map((d) => d.toISOString());
    const body = fc.record({
      kind: fc.constant('wto-round'),
      businessKey: slug,
      title: storableText.filter((s) => s.length >= 1 && s.length <= 200),
      forum: slug,
      coordinatorId: actor,
      issueAreas: fc.uniqueArray(fc.record({ area: slug, expertId: actor }), { minLength: 1, maxLength: 3, selector: (a) => a.area }),
      mandateApproverIds: fc.uniqueArray(actor, { minLength: 1, maxLength: 3 }),
      sessions: fc.array(fc.record({ date: sessionDate, leadExpertId: actor }), { maxLength: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(body, async (launch) => {
        count.requests += 1;
        // A fresh key each time, shrinking included, so that no run is a duplicate of another.
        const businessKey = `${launch.businessKey.slice(0, 70)}-${randomUUID().slice(0, 8)}`;
        // Everyone the body names is an active person of the directory (the API checks), and an admin may launch for anyone.
        const named = [
          launch.coordinatorId,
          ...launch.mandateApproverIds,
          ...launch.issueAreas.map((a) => a.expertId),
          ...launch.sessions.map((s) => s.leadExpertId),
        ];
        await stack.dataSource
          .createQueryBuilder()
          .insert()
          .into(PersonEntity)
          .values([...new Set(named)].map((id) => ({ id, displayName: id, email: `${id}@example.org`, roles: ['coordinator', 'expert'] })))
          .orIgnore()
          .execute();
        // The forum too is one of the reference list's (the API checks).
        await stack.addForums([launch.forum]);
        const res = await stack
          .http('admin')
          .post('/participations')
          .send({ ...launch, businessKey });
        if (res.status !== 201) {
          expect(res.status).toBe(400);
          return;
        }
        expect(await outcomeOf(res.body.workflowId, res.body.id)).toBe('running');
      }),
      { numRuns: 20 },
    );
  }, 300_000);
});
