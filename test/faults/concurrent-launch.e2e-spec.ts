import { randomUUID } from 'node:crypto';
import { ParticipationEntity } from '../../libs/persistence/src';
import { startTestStack, type TestStack } from '../helpers/test-stack';
import { FaultTally } from './fault-tally';
import { auditRounds } from './ledger';
import { driveToClose, roundBody } from '../helpers/round-driver';

/** Fault: the same launch sent many times at once, by impatient callers or a retrying proxy. */
describe('faults: concurrent launches of one participation', () => {
  const tally = new FaultTally();
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    tally.record();
    await stack?.close();
  });

  const launchMany = (count: number, body: object, headers: Record<string, string> = {}) =>
    Promise.all(Array.from({ length: count }, () => stack.http().post('/participations').set(headers).send(body)));

  it('starts exactly one workflow for 50 concurrent launches: one 201, forty-nine 409', async () => {
    tally.injected += 1;
    const body = roundBody(`burst-${randomUUID().slice(0, 8)}`);
    const answers = await launchMany(50, body);
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(answers.filter((res) => res.status === 409).every((res) => res.body.error === 'duplicate')).toBe(true);

    const workflowId = `wto-round/${body.businessKey}`;
    expect(await stack.client.workflow.count(`WorkflowId = '${workflowId}'`)).toMatchObject({ count: 1 });
    expect(await stack.dataSource.getRepository(ParticipationEntity).countBy({ workflowId })).toBe(1);

    const { id } = answers.find((res) => res.status === 201)!.body;
    await driveToClose(stack.http, id);
    const ledger = await auditRounds(stack.dataSource, stack.client, [{ workflowId, tasks: 1 }]);
    tally.add(ledger);
    expect(ledger.problems).toEqual([]);
  });

  it('answers 20 concurrent retries carrying one Idempotency-Key with the same 201', async () => {
    tally.injected += 1;
    const body = roundBody(`burst-key-${randomUUID().slice(0, 8)}`);
    const answers = await launchMany(20, body, { 'Idempotency-Key': randomUUID() });
    expect(answers.map((res) => res.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((res) => res.body.id)).size).toBe(1);

    const workflowId = `wto-round/${body.businessKey}`;
    await driveToClose(stack.http, answers[0].body.id);
    const ledger = await auditRounds(stack.dataSource, stack.client, [{ workflowId, tasks: 1 }]);
    tally.add(ledger);
    expect(ledger.problems).toEqual([]);
  });
});
