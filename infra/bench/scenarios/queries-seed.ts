import type { Client } from 'pg';
import { PARTICIPATION_KINDS } from '../../../workflows/registry-lookups';

/** The seed spreads its participations over every registered kind. */
export const KINDS: readonly string[] = PARTICIPATION_KINDS;
const FORUMS = ['wto', 'eu', 'spp', 'unesco', 'oas', 'world-bank', 'aer', 'regleg', 'partner-regions', 'oecd', 'francophonie', 'un'];
const PHASES = ['federal-coordination', 'position-drafting', 'mandate-approval', 'negotiation-sessions', 'closing', 'reporting'];
export const TASKS_PER_PARTICIPATION = 5;

/**
 * Fills a migrated database with `tasks` task rows over `experts` experts, five
 * per participation, in one statement each (generate_series), reproducibly.
 * Experts are skewed the way work is: expert-0000 carries about 3 % of all
 * tasks, most carry a few dozen. A fifth of the tasks are open, 5 % claimed,
 * the rest done or cancelled, and every person named is an active member of
 * the directory. Work that is done was due over the last two
 * years; open work is due from two weeks ago to seven weeks ahead, so about a
 * quarter of it (6 % of all tasks) is overdue.
 */
export async function seedQueriesData(db: Client, tasks: number, experts: number): Promise<void> {
  const participations = Math.ceil(tasks / TASKS_PER_PARTICIPATION);
  await db.query('SELECT setseed(0.42)');
  await db.query(
    `INSERT INTO participations (id, workflow_id, kind, business_key, title, forum, coordinator_id, locale, phase, status,
                                 details, launched_at, updated_at, phase_entered_at, closed_at)
     SELECT md5('p' || g)::uuid, 'bench/p-' || g, ($2::text[])[1 + g % 9], 'p-' || g, 'Participation ' || g,
            ($3::text[])[1 + (g * 7) % 12], 'coord-' || (g % 50), 'fr', ($4::text[])[1 + (g * 13) % 6],
            CASE WHEN g % 10 < 6 THEN 'active' WHEN g % 10 < 9 THEN 'completed' ELSE 'cancelled' END,
            '{}'::jsonb, now() - (g % 720) * interval '1 day', now() - (g % 2000) * interval '1 hour', now() - (g % 2000) * interval '1 hour',
            CASE WHEN g % 10 < 6 THEN NULL ELSE now() END
       FROM generate_series(1, $1::int) AS g`,
    [participations, KINDS, FORUMS, PHASES],
  );
  await db.query(
    `WITH s AS (
       SELECT g,
              1 + g % $2::int AS p,
              floor($3::int * power(random(), 2))::int AS expert,
              CASE WHEN g % 100 < 25 THEN now() + ((g % 61) - 14) * interval '1 day'
                   ELSE now() - (g % 730) * interval '1 day' END AS due,
              CASE WHEN g % 100 < 20 THEN 'open' WHEN g % 100 < 25 THEN 'claimed'
                   WHEN g % 100 < 95 THEN 'completed' ELSE 'cancelled' END AS status
         FROM generate_series(1, $1::int) AS g)
     INSERT INTO tasks (id, participation_id, workflow_id, step_key, kind, title, instructions, assignee_id, due_at,
                        priority, status, overdue, created_at, updated_at, completed_at)
     SELECT md5('t' || g)::uuid, md5('p' || p)::uuid, 'bench/p-' || p, lpad(g::text, 8, '0') || ':task', 'position',
            'Position ' || g, 'Rédiger la position.', 'expert-' || lpad(expert::text, 4, '0'), due,
            CASE WHEN g % 20 = 0 THEN 'high' ELSE 'normal' END, status,
            status IN ('open', 'claimed') AND due < now(), due - interval '10 days', due - interval '5 days',
            CASE WHEN status = 'completed' THEN due - interval '5 days' END
       FROM s`,
    [tasks, participations, experts],
  );
  // The API serves active people of the directory only: every expert and coordinator the rows name is one.
  await db.query(
    `INSERT INTO people (id, display_name, email, roles)
     SELECT id, initcap(replace(id, '-', ' ')), id || '@bench.invalid', ARRAY[role]
       FROM (SELECT 'expert-' || lpad(g::text, 4, '0') AS id, 'expert' AS role FROM generate_series(0, $1::int - 1) AS g
             UNION ALL
             SELECT 'coord-' || g, 'coordinator' FROM generate_series(0, 49) AS g) AS named
     ON CONFLICT (id) DO NOTHING`,
    [experts],
  );
  await db.query('VACUUM ANALYZE participations');
  await db.query('VACUUM ANALYZE tasks');
}
