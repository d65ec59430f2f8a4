import { freePort } from '../helpers/free-port';
import { participationApi } from '../helpers/participation-api';
import { samplesOf } from '../helpers/prometheus';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { assertWorkerBuilt, startWorkerProcess } from '../helpers/worker-process';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

/** The built worker process with WORKER_METRICS_ADDRESS: one /metrics with the SDK's and the project's metrics. */
describe('the worker’s Prometheus metrics', () => {
  let stack: TestStack;
  let worker: ReturnType<typeof startWorkerProcess>;
  let metricsUrl: string;

  beforeAll(async () => {
    assertWorkerBuilt();
    stack = await startTestStack({ TASK_DUE_AFTER: '2s', TASK_REMINDER_BEFORE: '0' }, { worker: false });
    const address = `127.0.0.1:${await freePort()}`;
    metricsUrl = `http://${address}/metrics`;
    worker = startWorkerProcess({
      TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
      WORKER_METRICS_ADDRESS: address,
      TASK_DUE_AFTER: '2s',
    });
    await eventually(async () => (worker.output().includes('Temporal worker polling') ? true : undefined), {
      what: `the worker to poll (output: ${worker.output()})`,
    });
  });
  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await stack?.close();
  });

  it('serves task slots, schedule-to-start latency, and tasks opened, completed and overdue', async () => {
    const api = participationApi(stack);
    const launched = await api.launch(wtoLaunchBody());
    await api.waitForPhase(launched.id, 'federal-coordination');
    await api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    const [first] = await api.waitForOpenTasks(launched.id, 'position', 2);
    await api.completeTask(first.id, first.assigneeId).expect(200);

    const taskQueue = stack.config.temporal.taskQueue;
    const text = await eventually(
      async () => {
        const body = await (await fetch(metricsUrl)).text();
        const overdue = samplesOf(body, 'participation_tasks_became_overdue_total', { task_queue: taskQueue });
        return overdue[0]?.value === 1 ? body : undefined;
      },
      { what: 'the second position to be counted overdue' },
    );
    const value = (name: string, labels: Record<string, string> = {}) => samplesOf(text, name, labels).reduce((sum, s) => sum + s.value, 0);

    expect(
      value('participation_tasks_opened_total', { task_queue: taskQueue, participation_kind: 'wto-round', task_kind: 'position' }),
    ).toBe(2);
    expect(value('participation_tasks_completed_total', { task_queue: taskQueue, participation_kind: 'wto-round' })).toBe(1);
    // The SDK's own worker metrics, on the same endpoint.
    expect(samplesOf(text, 'temporal_worker_task_slots_available', { task_queue: taskQueue }).length).toBeGreaterThan(0);
    expect(samplesOf(text, 'temporal_worker_task_slots_used', { task_queue: taskQueue }).length).toBeGreaterThan(0);
    expect(value('temporal_workflow_task_schedule_to_start_latency_seconds_count', { task_queue: taskQueue })).toBeGreaterThan(0);
    // The projection writes run as local activities, within workflow tasks.
    expect(value('temporal_local_activity_execution_latency_seconds_count', { task_queue: taskQueue })).toBeGreaterThan(0);
  });
});
