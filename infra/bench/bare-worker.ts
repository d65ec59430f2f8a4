import { resolve } from 'node:path';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { repoRoot } from '../temporal/dev-server';

/**
 * The worker of the bare-Temporal reference, in a process of its own like the
 * product's worker: it runs infra/bench/workflows on the bench's task queue
 * (BENCH_TASK_QUEUE) of the server at BENCH_TEMPORAL_ADDRESS, until SIGTERM.
 */
async function main(): Promise<void> {
  const address = required('BENCH_TEMPORAL_ADDRESS');
  const taskQueue = required('BENCH_TASK_QUEUE');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: resolve(repoRoot(), 'infra', 'bench', 'workflows', 'index.ts'),
  });
  await worker.run();
  await connection.close();
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench bare worker failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
