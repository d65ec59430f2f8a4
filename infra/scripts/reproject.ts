import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { loadProcessConfig } from '../../workflows/registry-lookups';
import { ReprojectModule } from '../../apps/worker/src/reproject/reproject.module';
import { ReprojectService } from '../../apps/worker/src/reproject/reproject.service';

const USAGE = `npm run reproject [-- --query "<Temporal visibility query>"]

Rebuilds the read model (participations, tasks, journal) in DATABASE_URL from the
histories of the workflows in TEMPORAL_NAMESPACE; rows already there are kept.
Without --query, every workflow Temporal still has. Example:
  npm run reproject -- --query "Coordinator = 'coord-lavoie'"`;

/** `npm run reproject`: the projection written again from Temporal (docs/operations.md). */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { query: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const app = await NestFactory.createApplicationContext(ReprojectModule.forRoot(loadProcessConfig()), { logger: ['error', 'warn'] });
  try {
    const started = Date.now();
    let shown = 0;
    const summary = await app.get(ReprojectService).run(values.query, ({ runs, of, writes }) => {
      // A line every 2 s and at the end: long rebuilds show they move.
      if (runs < of && Date.now() - shown < 2_000) return;
      shown = Date.now();
      process.stdout.write(`[reproject] ${runs}/${of} runs, ${writes} writes, ${Math.round((Date.now() - started) / 1000)} s\n`);
    });
    for (const run of summary.historyGone) process.stdout.write(`[reproject] history gone (past retention), rows kept: ${run}\n`);
    process.stdout.write(`reproject: ${summary.runs} runs, ${summary.writes} writes, ${summary.historyGone.length} without history\n`);
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[reproject] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
