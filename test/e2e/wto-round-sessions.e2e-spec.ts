import { AuditEntryEntity } from '../../libs/persistence/src';
import { recordHistory } from '../helpers/histories';
import { participationApi } from '../helpers/participation-api';
import { inSeconds, processApi } from '../helpers/process-api';
import { startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

describe('WTO round sessions: announced and moved by events, cancelled by signal', () => {
  let stack: TestStack;
  let api: ReturnType<typeof participationApi>;
  let steps: ReturnType<typeof processApi>;

  beforeAll(async () => {
    stack = await startTestStack({ FEDERAL_RESPONSE_TIMEOUT: '5 minutes', TASK_DUE_AFTER: '5 minutes' });
    api = participationApi(stack);
    steps = processApi(stack);
  });
  afterAll(() => stack.close());

  it('holds the sessions of its calendar in date order, whatever the events did to it', async () => {
    const body = wtoLaunchBody({ sessions: [{ date: inSeconds(600), leadExpertId: 'expert-tremblay' }] });
    const launched = await api.launch(body);
    await api.waitForPhase(launched.id, 'federal-coordination');
    const scheduled = (id: string, sessionKey: string, date: string, leadExpertId: string) =>
      steps.event({ id, type: 'wto.session.scheduled', data: { businessKey: body.businessKey, sessionKey, date, leadExpertId } });

    // A new session is announced, the planned one is brought forward, a third is announced then cancelled.
    await scheduled(`${body.businessKey}-s2`, 's2', inSeconds(1), 'expert-nguyen').expect(201);
    await scheduled(`${body.businessKey}-s1`, 's1', inSeconds(2), 'expert-tremblay').expect(201);
    await scheduled(`${body.businessKey}-s3`, 's3', inSeconds(3), 'expert-nguyen').expect(201);
    await steps.post(launched.id, 'sessions/s3/cancel', { reason: 'Session supprimée.', actorId: 'coord-lavoie' }).expect(202);
    const live = (await api.get(launched.id)).live;
    expect(live.details.sessions.map((s: { key: string; status: string }) => `${s.key}:${s.status}`)).toEqual(['s1:scheduled', 's2:scheduled', 's3:cancelled']);

    await api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    for (const task of await steps.openTasks(launched.id, 'position', 2)) await steps.complete(task.id, task.assigneeId).expect(200);
    await api.waitForPhase(launched.id, 'mandate-approval');
    await api.step(launched.id, 'mandate-decision', { decision: 'approve', actorId: 'dm-international' }).expect(200);

    const [first] = await steps.openTasks(launched.id, 'debrief');
    expect(first).toMatchObject({ assigneeId: 'expert-nguyen', title: expect.stringContaining('s2') });
    await steps.complete(first.id, 'expert-nguyen').expect(200);
    const [second] = await steps.openTasks(launched.id, 'debrief');
    expect(second).toMatchObject({ assigneeId: 'expert-tremblay', title: expect.stringContaining('s1') });
    await steps.complete(second.id, 'expert-tremblay').expect(200);

    await api.waitForPhase(launched.id, 'closing');
    // Too late for the calendar: journaled as ignored.
    await scheduled(`${body.businessKey}-s4`, 's4', inSeconds(60), 'expert-nguyen').expect(201);
    await api.step(launched.id, 'close', { outcome: 'concluded', actorId: 'coord-lavoie' }).expect(200);
    await steps.closed(launched.id);
    const audit = stack.dataSource.getRepository(AuditEntryEntity);
    expect(await audit.countBy({ participationId: launched.id, action: 'session.held' })).toBe(2);
    expect(await audit.countBy({ participationId: launched.id, action: 'session.cancelled' })).toBe(1);
    expect(await audit.countBy({ participationId: launched.id, action: 'event.ignored' })).toBe(1);
    await recordHistory(stack.client, launched.workflowId, 'wto-round', 'session-calendar');
  });
});
