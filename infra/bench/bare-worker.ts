import { resolve } from 'node:path';
import { Context } from '@temporalio/activity';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { repoRoot } from '../temporal/dev-server';
import type { FloorActivities } from './workflows/bare.workflow';

/**
 * The worker of the bare-Temporal reference, in a process of its own like the
 * product's worker: it runs infra/bench/workflows on the bench's task queue
 * (BENCH_TASK_QUEUE) of the server at BENCH_TEMPORAL_ADDRESS, until SIGTERM.
 * Its one activity inserts one row into the bench's database (BENCH_DATABASE_URL),
 * in a table of the bench's own: the floor reference of the round-trip scenario.
 */
async function main(): Promise<void> {
  const address = required('BENCH_TEMPORAL_ADDRESS');
  const taskQueue = required('BENCH_TASK_QUEUE');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const db = new Pool({ connectionString: required('BENCH_DATABASE_URL'), max: 10 });
  await db.query(
    'CREATE TABLE IF NOT EXISTS bench_floor_rows (id bigserial PRIMARY KEY, workflow_id text NOT NULL, value integer NOT NULL)',
  );
  const activities: FloorActivities = {
    insertFloorRow: async (value) => {
      await db.query('INSERT INTO bench_floor_rows (workflow_id, value) VALUES ($1, $2)', [
        Context.current().info.workflowExecution?.workflowId ?? '',
        value,
      ]);
    },
  };
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: resolve(repoRoot(), 'infra', 'bench', 'workflows', 'index.ts'),
    activities,
  });
  await worker.run();
  await connection.close();
  await db.end();
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
