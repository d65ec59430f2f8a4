import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from '../../postgres/postgres-server';
import { dataSourceOptions } from '../../../libs/persistence/src/data-source-options';
import { Progress } from '../progress';
import { summarize, type LatencySummary } from '../stats';
import type { BenchContext } from '../context';
import type { ResultRow, ScenarioResult } from '../results';
import {
  ACTIVE_PARTICIPATIONS,
  OPEN_TASK_TOTALS,
  OPEN_TASKS_BY_FORUM,
  PARTICIPATIONS_BY_KIND_AND_PHASE,
  WAITING_LONGEST,
} from '../../../apps/api/src/dashboard/dashboard.queries';
import { COORDINATOR, enrolBenchPerson } from '../fixtures';
import { seedQueriesData } from './queries-seed';

export const INBOX_P95_LIMIT_MS = 10;
export const DASHBOARD_P95_LIMIT_MS = 50;

interface NamedQuery {
  name: string;
  sql: string;
  params: () => unknown[];
}

const OPEN = `('open', 'claimed')`;

/** What the inbox page asks for: the expert's open and claimed tasks, soonest due first, one page. */
const INBOX_PATH = '/tasks?status=open,claimed&sort=dueAt&pageSize=50';

/** The dashboard's own SQL (the API runs exactly these), timed one by one and explained. */
function dashboardQueries(): NamedQuery[] {
  return [
    { name: 'participations by kind and phase', sql: PARTICIPATIONS_BY_KIND_AND_PHASE, params: () => [] },
    { name: 'active participations', sql: ACTIVE_PARTICIPATIONS, params: () => [] },
    { name: 'open and overdue tasks', sql: OPEN_TASK_TOTALS, params: () => [] },
    { name: 'open tasks by forum', sql: OPEN_TASKS_BY_FORUM, params: () => [] },
    { name: 'waiting longest', sql: WAITING_LONGEST, params: () => [10] },
  ];
}

/**
 * 100,000 tasks over 1,000 experts in a database of their own (migrated like
 * production, so the indexes are the migrations'). The API is restarted on it
 * for the measure: the inbox (`GET /tasks` as a random expert) and the
 * dashboard (`GET /dashboard` as a coordinator) are timed over HTTP, token
 * verification included; the dashboard's SQL is also timed query by query, with plans.
 */
export async function queriesScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { tasks, experts, samples } = ctx.options.queries;
  const server = ctx.stack.postgres.serverUrl;
  const database = `${ctx.stack.database}_q`;
  await createDatabaseIfMissing(server, database);
  const url = databaseUrl(server, database);
  const db = new Client({ connectionString: url });
  try {
    const migrator = await new DataSource(dataSourceOptions(url, 1)).initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();
    await db.connect();
    ctx.log(`seeding ${tasks} tasks over ${experts} experts…`);
    const seedStart = performance.now();
    await seedQueriesData(db, tasks, experts);
    const seedS = (performance.now() - seedStart) / 1000;
    await enrolBenchPerson(db, COORDINATOR);

    const expertIds = Array.from({ length: experts }, (_, i) => `expert-${String(i).padStart(4, '0')}`);
    const randomExpert = () => expertIds[Math.floor(Math.random() * experts)];
    await ctx.stack.startApi({ DATABASE_URL: url });
    const api = ctx.stack.api;
    await api.signIn([...expertIds, COORDINATOR]);
    // A fresh API process: let its JIT and connection pool warm up before timing.
    for (let i = 0; i < 20; i += 1) await Promise.all([api.get(INBOX_PATH, randomExpert()), api.get('/dashboard', COORDINATOR)]);
    // The floor of any signed-in request here (token, caller's row, Nest, HTTP), to read the inbox against.
    const me = await timeRequests('queries: GET /me', samples, () => api.get('/me', randomExpert()));
    const inbox = await timeRequests('queries: inbox over HTTP', samples, () => api.get(INBOX_PATH, randomExpert()));
    const busiest = await timeRequests('queries: busiest expert', Math.ceil(samples / 5), () => api.get(INBOX_PATH, 'expert-0000'));
    const dashboardHttp = await timeRequests('queries: dashboard over HTTP', Math.ceil(samples / 5), () =>
      api.get('/dashboard', COORDINATOR),
    );
    await ctx.stack.startApi({});
    const dashboard = await timeQueries(db, 'queries: dashboard SQL', dashboardQueries(), Math.ceil(samples / 5));
    const plans = [];
    for (const query of dashboardQueries()) plans.push({ name: query.name, sql: query.sql, plan: await explain(db, query) });
    const { rows: counts } = await db.query<{ open: number; top: number }>(
      `SELECT count(*) FILTER (WHERE status IN ${OPEN})::int AS open,
              count(*) FILTER (WHERE assignee_id = 'expert-0000')::int AS top FROM tasks`,
    );
    const rows: ResultRow[] = [
      { metric: 'inbox p50 (ms)', ours: inbox.p50 },
      { metric: 'inbox p95 (ms)', ours: inbox.p95, target: `< ${INBOX_P95_LIMIT_MS} ms`, met: inbox.p95 < INBOX_P95_LIMIT_MS },
      {
        metric: 'inbox p95, busiest expert (ms)',
        ours: busiest.p95,
        target: `< ${INBOX_P95_LIMIT_MS} ms`,
        met: busiest.p95 < INBOX_P95_LIMIT_MS,
      },
      { metric: 'floor: any signed-in request, `GET /me` p50 (ms)', ours: me.p50 },
      { metric: 'floor: any signed-in request, `GET /me` p95 (ms)', ours: me.p95 },
      { metric: 'dashboard p50 (ms)', ours: dashboardHttp.p50 },
      {
        metric: 'dashboard p95 (ms)',
        ours: dashboardHttp.p95,
        target: `< ${DASHBOARD_P95_LIMIT_MS} ms`,
        met: dashboardHttp.p95 < DASHBOARD_P95_LIMIT_MS,
      },
    ];
    for (const [name, summary] of Object.entries(dashboard.each)) rows.push({ metric: `  SQL: ${name} p95 (ms)`, ours: summary.p95 });
    return {
      name: 'queries',
      title: '4. Inbox and dashboard queries',
      rows,
      notes: [
        `${tasks} tasks (${counts[0].open} open or claimed) over ${experts} experts and ${Math.ceil(tasks / 5)} participations, seeded in ${seedS.toFixed(1)} s; the busiest expert has ${counts[0].top} tasks.`,
        `Inbox = \`GET ${INBOX_PATH}\` (a page of 50 and its total) as a random expert each time (${samples} times); dashboard = \`GET /dashboard\` as a coordinator (${Math.ceil(samples / 5)} times). Over loopback HTTP to the built API; each person signed in first (\`GET /me\`, as the console does), so their RS256 token and directory row are the API's to remember, as for a person at work; PostgreSQL shared with the rest of the run.`,
        '`GET /me` answers who the token names: the same token, caller, Nest and HTTP as the inbox, without its query; the rest of the inbox is its own.',
        "The SQL rows time the dashboard's queries (apps/api/src/dashboard/dashboard.queries.ts) one by one, straight on PostgreSQL; their plans are in results.json.",
      ],
      plans,
      details: { tasks, experts, samples, seedS, me, inbox, busiest, dashboardHttp, dashboard },
    };
  } finally {
    await db.end().catch(() => undefined);
    if (!ctx.options.keep) await dropDatabase(server, database);
  }
}

/** Runs `sample` `samples` times, one after the other, with a progress bar; returns what each took. */
async function sampled(title: string, samples: number, sample: () => Promise<number>): Promise<number[]> {
  const took: number[] = [];
  const progress = new Progress(title, samples);
  try {
    for (let i = 0; i < samples; i += 1) {
      took.push(await sample());
      progress.tick();
    }
  } finally {
    progress.stop();
  }
  return took;
}

async function elapsed(work: () => Promise<unknown>): Promise<number> {
  const began = performance.now();
  await work();
  return performance.now() - began;
}

/** Each sample runs every query once; the total and each query's own times. */
async function timeQueries(db: Client, title: string, queries: NamedQuery[], samples: number) {
  const each: Record<string, number[]> = Object.fromEntries(queries.map((q) => [q.name, []]));
  const totals = await sampled(title, samples, async () => {
    let total = 0;
    for (const query of queries) {
      const took = await elapsed(() => db.query(query.sql, query.params()));
      each[query.name].push(took);
      total += took;
    }
    return total;
  });
  return {
    total: summarize(totals),
    each: Object.fromEntries(Object.entries(each).map(([name, values]) => [name, summarize(values)])) as Record<string, LatencySummary>,
  };
}

async function timeRequests(title: string, samples: number, request: () => Promise<unknown>): Promise<LatencySummary> {
  return summarize(await sampled(title, samples, () => elapsed(request)));
}

async function explain(db: Client, query: NamedQuery): Promise<string> {
  const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params());
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}
