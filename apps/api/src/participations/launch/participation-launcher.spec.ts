import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { AppConfig } from '@lib/config';
import { ParticipationLauncher } from './participation-launcher.service';

/**
 * The launch's answer when the Update-with-Start does not come back in time. At
 * 10,000 open the call's deadline fired a millisecond before the clock reached it
 * and the launch answered 500 although the workflow had started (issue 16).
 */
describe('ParticipationLauncher, a late first write', () => {
  const participationId = 'a1b2c3d4-0000-4000-8000-000000000001';
  const options = { workflowId: 'wto-round/r-1', taskQueue: 'q', args: [] } as never;

  function launcherWhere(updateError: Error, startedMemo: Record<string, unknown> | undefined) {
    const client = {
      withDeadline: <T>(_deadline: number, fn: () => Promise<T>) => fn(),
      workflow: {
        executeUpdateWithStart: () => Promise.reject(updateError),
        getHandle: () => ({
          describe: () => (startedMemo ? Promise.resolve({ memo: startedMemo }) : Promise.reject(new Error('not found'))),
        }),
      },
    };
    const config = { durations: { launchProjectionWaitMs: 60_000 } } as unknown as AppConfig;
    const launcher = new ParticipationLauncher(client as never, config, {} as never, {} as never);
    return (memo: { participationId: string }) =>
      (
        launcher as unknown as { startAndAwaitRegistration: (t: string, o: unknown, m: unknown) => Promise<boolean> }
      ).startAndAwaitRegistration('wtoRound', options, memo);
  }

  const timedOut = () => new WorkflowUpdateRPCTimeoutOrCancelledError('Deadline exceeded after 4.992s');

  it('answers "not projected yet" when the call timed out before the clock said so and the workflow started', async () => {
    await expect(launcherWhere(timedOut(), { participationId })({ participationId })).resolves.toBe(false);
  });

  it('passes the timeout on when the workflow did not start (the API answers 503)', async () => {
    await expect(launcherWhere(timedOut(), undefined)({ participationId })).rejects.toBeInstanceOf(
      WorkflowUpdateRPCTimeoutOrCancelledError,
    );
  });

  it('passes the timeout on when another launch started that workflow', async () => {
    const other = { participationId: 'a1b2c3d4-0000-4000-8000-000000000002' };
    await expect(launcherWhere(timedOut(), other)({ participationId })).rejects.toBeInstanceOf(WorkflowUpdateRPCTimeoutOrCancelledError);
  });

  it('passes any other early error on at once', async () => {
    const duplicate = new WorkflowExecutionAlreadyStartedError('exists', 'wto-round/r-1', 'wtoRound');
    await expect(launcherWhere(duplicate, { participationId })({ participationId })).rejects.toBe(duplicate);
    const broken = new Error('broken');
    await expect(launcherWhere(broken, { participationId })({ participationId })).rejects.toBe(broken);
  });
});
