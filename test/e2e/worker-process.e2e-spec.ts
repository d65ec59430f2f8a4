import { AuditEntryEntity } from '../../libs/persistence/src';
import { participationApi } from '../helpers/participation-api';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { assertWorkerBuilt, startWorkerProcess } from '../helpers/worker-process';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

describe('the worker process', () => {
  let stack: TestStack;
  let api: ReturnType<typeof participationApi>;

  beforeAll(async () => {
    assertWorkerBuilt();
    stack = await startTestStack({}, { worker: false });
    api = participationApi(stack);
  });
  afterAll(() => stack.close());

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops cleanly on %s and a new process picks the participation up where it was',
    async (signal) => {
      const env = { TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue };
      const first = startWorkerProcess(env);
      await eventually(async () => (first.output().includes('Temporal worker polling') ? true : undefined), {
        what: 'the worker to poll',
      });
      const launched = await api.launch(wtoLaunchBody());
      await api.waitForPhase(launched.id, 'federal-coordination');
      // Stop it once idle, waiting for the federal answer: an activity cut off in flight would
      // only be retried at its 30-second timeout, longer than this test waits.
      await eventually(
        async () =>
          (await stack.dataSource
            .getRepository(AuditEntryEntity)
            .findOneBy({ participationId: launched.id, action: 'federal.requested' })) ?? undefined,
        { what: 'the federal request to be journaled' },
      );

      first.child.kill(signal);
      expect(await first.exited).toBe(0);
      expect(first.output()).toContain('Shutting the Temporal worker down');

      // With no worker the Update waits; a new worker process answers it.
      const answer = api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' });
      const second = startWorkerProcess(env);
      try {
        expect((await answer).status).toBe(200);
        await api.waitForOpenTasks(launched.id, 'position', 2);
      } finally {
        second.child.kill('SIGTERM');
        expect(await second.exited).toBe(0);
      }
      const entries = await stack.dataSource.getRepository(AuditEntryEntity).findBy({ participationId: launched.id });
      expect(new Set(entries.map((e) => e.entryKey)).size).toBe(entries.length);
      expect(entries.filter((e) => e.action === 'participation.launched')).toHaveLength(1);
    },
    // Two worker processes start here; a loaded two-core machine needs the room.
    120_000,
  );
});
