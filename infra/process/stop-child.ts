import type { ChildProcess } from 'node:child_process';

/**
 * Asks a child process to stop (SIGTERM: the API and worker drain, the
 * Temporal server flushes) and kills it if it has not exited after `graceMs`.
 */
export async function stopChild(child: ChildProcess, graceMs = 40_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
