import { DataSource } from 'typeorm';
import { scratchDatabase } from '../../../../test/helpers/database';
import { dataSourceOptions } from '../../../../libs/persistence/src/data-source-options';
import {
  OPEN_TASK_TOTALS,
  OPEN_TASKS_BY_FORUM,
  OVERDUE_TASKS_BY_PERSON,
  PARTICIPATIONS_BY_KIND_AND_PHASE,
  WAITING_LONGEST,
} from './dashboard.queries';
import { DashboardService } from './dashboard.service';

const PARTICIPATIONS = 10_000;
const TASKS = 100_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

/**
 * The dashboard at the size the ministry expects: 10,000 participations and
 * 100,000 tasks, mostly done, in a database of its own with every migration.
 * With the statistics fresh (ANALYZE) and no planner setting forced, PostgreSQL
 * chooses the partial indexes on its own.
 * Participations-only counts (by kind and phase) read 10,000 narrow rows and
 * are left to the planner: a sequential scan is the right plan there.
 */
describe('dashboard queries at 100,000 tasks', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    scratch = await scratchDatabase();
    dataSource = await new DataSource(dataSourceOptions(scratch.url, 5)).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.query(
      `INSERT INTO participations (id, workflow_id, kind, business_key, title, forum, coordinator_id, locale, phase, status,
                                   launched_at, updated_at, phase_entered_at)
       SELECT md5('p' || i)::uuid, 'wto-round/bench-' || i,
              (ARRAY['wto-round', 'canada-eu-negotiation', 'unesco-representation', 'intern-placement', 'regional-forum'])[1 + i % 5],
              'bench-' || i, 'Participation ' || i, 'forum-' || (i % 8), 'coord-' || (i % 20), 'fr',
              (ARRAY['federal-coordination', 'position-drafting', 'mandate-approval', 'negotiation-sessions', 'closing', 'closed'])[1 + i % 6],
              CASE WHEN i % 6 = 5 THEN 'completed' ELSE 'active' END,
              now() - make_interval(mins => i), now(), now() - make_interval(mins => (i * 37) % 100000)
       FROM generate_series(1, $1::int) AS i`,
      [PARTICIPATIONS],
    );
    // 5 % open, 1 % claimed, the rest completed; a third of the open ones overdue.
    await dataSource.query(
      `INSERT INTO tasks (id, participation_id, workflow_id, step_key, kind, title, instructions, assignee_id, due_at,
                          priority, status, overdue, created_at, updated_at)
       SELECT md5('t' || j)::uuid, md5('p' || (1 + j % $2::int))::uuid, 'wto-round/bench-' || (1 + j % $2::int), 'step-' || j,
              'position', 'Task ' || j, 'Do it.', 'expert-' || (j % 50), now() + make_interval(hours => (j % 200) - 100), 'normal',
              CASE WHEN j % 100 < 5 THEN 'open' WHEN j % 100 = 5 THEN 'claimed' ELSE 'completed' END,
              (j % 100 < 6 AND j % 3 = 0), now(), now()
       FROM generate_series(1, $1::int) AS j`,
      [TASKS, PARTICIPATIONS],
    );
    await dataSource.query('ANALYZE');
  }, 120_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await scratch?.drop();
  });

  async function plan(sql: string, params: unknown[] = []): Promise<PlanNode[]> {
    const [row] = await dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    return nodesOf(row['QUERY PLAN'][0].Plan);
  }
  // A bitmap scan names its index on the Bitmap Index Scan node and its table on the Bitmap Heap Scan above it.
  const indexesUsed = (nodes: PlanNode[]) => nodes.map((n) => n['Index Name']).filter(Boolean);
  const seqScansOn = (nodes: PlanNode[], table: string) =>
    nodes.filter((n) => n['Relation Name'] === table && n['Node Type'] === 'Seq Scan');

  it.each([
    ['open task totals', OPEN_TASK_TOTALS, []],
    ['open and overdue tasks by forum', OPEN_TASKS_BY_FORUM, []],
    ['overdue tasks by person', OVERDUE_TASKS_BY_PERSON, [20]],
    ['waiting longest', WAITING_LONGEST, [10]],
  ])('%s read the open tasks through idx_tasks_open, never the whole table', async (_name, sql, params) => {
    const nodes = await plan(sql, params);
    expect(indexesUsed(nodes)).toContain('idx_tasks_open');
    expect(seqScansOn(nodes, 'tasks')).toEqual([]);
  });

  it('finds who waits longest through idx_participations_active_phase_entered', async () => {
    const nodes = await plan(WAITING_LONGEST, [10]);
    expect(indexesUsed(nodes)).toContain('idx_participations_active_phase_entered');
  });

  // How fast is the bench's business (`npm run bench`, scenario 4); here, the numbers.
  it('answers the whole dashboard with the right numbers', async () => {
    const dashboard = await new DashboardService(dataSource).read('fr', 10);

    let open = 0;
    let overdue = 0;
    for (let j = 1; j <= TASKS; j += 1) {
      if (j % 100 < 6) open += 1;
      if (j % 100 < 6 && j % 3 === 0) overdue += 1;
    }
    expect(dashboard.totals).toEqual({
      activeParticipations: PARTICIPATIONS - Math.floor((PARTICIPATIONS + 1) / 6),
      openTasks: open,
      overdueTasks: overdue,
    });
    expect(dashboard.overdueByForum).toHaveLength(8);
    expect(dashboard.overdueByForum.reduce((sum, f) => sum + f.overdueTasks, 0)).toBe(overdue);
    expect(dashboard.byKindAndPhase.reduce((sum, row) => sum + row.count, 0)).toBe(PARTICIPATIONS);
    expect(dashboard.waitingLongest).toHaveLength(10);
    // The overdue tasks fall to 6 of the 50 experts (j % 100 < 6): each once, the most loaded first,
    // with their most overdue task's participation.
    expect(dashboard.overdueByPerson).toHaveLength(6);
    expect(dashboard.overdueByPerson.reduce((sum, row) => sum + row.overdueTasks, 0)).toBe(overdue);
    const counts = dashboard.overdueByPerson.map((row) => row.overdueTasks);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(dashboard.overdueByPerson[0]).toMatchObject({ assigneeId: expect.stringMatching(/^expert-/), candidateGroup: null });
    expect(dashboard.overdueByPerson[0].oldestTitle).toMatch(/^Participation /);
    const entered = dashboard.waitingLongest.map((p) => p.phaseEnteredAt);
    expect(entered).toEqual([...entered].sort());
    expect(await dataSource.query(PARTICIPATIONS_BY_KIND_AND_PHASE)).toHaveLength(30);
  });
});
