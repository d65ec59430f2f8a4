import { randomUUID } from 'node:crypto';
import { AuditEntryEntity, ParticipationEntity, TaskEntity } from '../../libs/persistence/src';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/*
 * GET /reports/plan over a seeded set of participations whose counts are
 * known. They are dated 2003 and 2004, years no other test file's
 * participation is launched in (each is launched now), so the figures of
 * those years are these rows' alone; a forum and a coordinator of their own
 * keep them out of the other files' lists.
 */

const forum = `report-${randomUUID().slice(0, 8)}`;
const coordinatorId = `report-coord-${randomUUID().slice(0, 6)}`;

interface Seed {
  kind: string;
  launchedAt: string;
  closedAt?: string;
  outcome?: string;
  phase: string;
  /** Phases entered, with when (the journal's `participation.phase` entries). */
  phases?: Array<[phase: string, at: string]>;
  /** When each of its completed tasks was delivered; one cancelled task besides, never counted. */
  delivered?: string[];
}

const SEEDS: Record<string, Seed> = {
  // trade-negotiations: launched 2003 twice; one concluded in June 2003, one still open; three tasks delivered (2 in 2003, 1 in 2004).
  round: {
    kind: 'wto-round',
    launchedAt: '2003-02-01T10:00:00Z',
    closedAt: '2003-06-01T10:00:00Z',
    outcome: 'concluded',
    phase: 'closed',
    delivered: ['2003-03-01T00:00:00Z', '2003-04-01T00:00:00Z'],
  },
  ceta: {
    kind: 'canada-eu-negotiation',
    launchedAt: '2003-03-01T10:00:00Z',
    phase: 'negotiation-round',
    delivered: ['2004-05-01T00:00:00Z'],
  },
  // expertise-abroad: an intern placed in September 2003 (after an offer, which does not count), an expert in a task force in 2004.
  intern: {
    kind: 'intern-placement',
    launchedAt: '2003-05-01T10:00:00Z',
    phase: 'placement',
    phases: [
      ['offer', '2003-07-01T00:00:00Z'],
      ['placement', '2003-09-01T00:00:00Z'],
    ],
  },
  expert: {
    kind: 'expert-task-force',
    launchedAt: '2003-10-01T10:00:00Z',
    phase: 'task-force-meetings',
    phases: [['task-force-meetings', '2004-01-15T00:00:00Z']],
  },
  // cultural-diversity: two countries of a campaign in 2004, one ratified (and concluded), one still in process.
  ratified: {
    kind: 'ratification-campaign',
    launchedAt: '2004-02-01T10:00:00Z',
    closedAt: '2004-03-01T10:00:00Z',
    outcome: 'concluded',
    phase: 'ratified',
    phases: [['ratified', '2004-03-01T10:00:00Z']],
  },
  pending: {
    kind: 'ratification-campaign',
    launchedAt: '2004-02-01T10:00:00Z',
    phase: 'in-process',
    phases: [['in-process', '2004-04-01T00:00:00Z']],
  },
  // multilateral-watch: launched before the range, concluded inside it.
  watch: {
    kind: 'washington-watch',
    launchedAt: '2002-12-31T23:00:00Z',
    closedAt: '2003-01-15T00:00:00Z',
    outcome: 'concluded',
    phase: 'closed',
  },
};

const ZERO = {
  launched: 0,
  open: 0,
  concluded: 0,
  tasksDelivered: 0,
  internsPlaced: 0,
  expertsInTaskForces: 0,
  ratificationsObtained: 0,
  agreementsSigned: 0,
  missionsHeld: 0,
};

/** What the seed must give, per year and initiative; every other initiative, every measure not named: 0. */
const EXPECTED: Record<number, Record<string, Partial<typeof ZERO>>> = {
  2003: {
    'trade-negotiations': { launched: 2, open: 1, concluded: 1, tasksDelivered: 2 },
    'expertise-abroad': { launched: 2, open: 2, internsPlaced: 1 },
    'multilateral-watch': { concluded: 1 },
  },
  2004: {
    'trade-negotiations': { open: 1, tasksDelivered: 1 },
    'expertise-abroad': { open: 2, expertsInTaskForces: 1 },
    'cultural-diversity': { launched: 2, open: 1, concluded: 1, ratificationsObtained: 1 },
  },
};

describe('the plan’s report: GET /reports/plan', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({}, { worker: false });
    await stack.addForums([forum]);
    await seed(stack);
  });
  afterAll(() => stack?.close());

  const report = (query: Record<string, string>, as = 'sup-gagnon') => stack.http(as).get('/reports/plan').query(query);

  it('counts per initiative and per year what the seeded participations did', async () => {
    const res = await report({ from: '2003-01-01', to: '2004-12-31' }).set('Accept-Language', 'en').expect(200);
    expect(res.body).toMatchObject({ from: '2003-01-01T00:00:00.000Z', to: '2004-12-31T23:59:59.999Z', years: [2003, 2004] });
    expect(res.body.measures.map((m: { code: string }) => m.code)).toEqual(Object.keys(ZERO));
    const rows = res.body.rows as Array<Record<string, unknown> & { year: number; initiative: string }>;
    for (const row of rows) {
      const figures = Object.fromEntries(Object.keys(ZERO).map((measure) => [measure, row[measure]]));
      expect({ year: row.year, initiative: row.initiative, ...figures }).toEqual({
        year: row.year,
        initiative: row.initiative,
        ...ZERO,
        ...EXPECTED[row.year]?.[row.initiative],
      });
    }
    // Every initiative of the plan, each year, with its labels and the kinds tied to it.
    expect(rows.filter((r) => r.year === 2003).length).toBe(rows.length / 2);
    expect(rows.find((r) => r.year === 2003 && r.initiative === 'trade-negotiations')).toMatchObject({
      priority: 'international-forums',
      initiativeLabel: "Defend Québec's interests in trade negotiations",
      kinds: ['wto-round', 'canada-eu-negotiation'],
    });
  });

  it('cuts each year to the range', async () => {
    const res = await report({ from: '2003-07-01', to: '2003-12-31' }).expect(200);
    expect(res.body.years).toEqual([2003]);
    const trade = res.body.rows.find((r: { initiative: string }) => r.initiative === 'trade-negotiations');
    expect(trade).toMatchObject({ launched: 0, open: 1, concluded: 0, tasksDelivered: 0 });
    const abroad = res.body.rows.find((r: { initiative: string }) => r.initiative === 'expertise-abroad');
    expect(abroad).toMatchObject({ launched: 1, open: 2, internsPlaced: 1 });
  });

  it('answers CSV with headers in the caller’s language, by Accept or by format', async () => {
    const fr = await report({ from: '2003-01-01', to: '2004-12-31' }).set('Accept', 'text/csv').expect(200);
    expect(fr.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = fr.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Année,Priorité,Priorité (libellé),Initiative,Initiative (libellé),Participations lancées,Participations en cours,Participations conclues,Tâches remises,Stagiaires placés,Experts en groupe de travail,Ratifications obtenues,Ententes signées,Missions réalisées',
    );
    expect(lines).toContain(
      '2004,international-forums,Faire entendre la voix du Québec dans les organisations et forums internationaux,cultural-diversity,Mise en œuvre de la Convention sur la diversité des expressions culturelles,2,1,1,0,0,0,1,0,0',
    );
    // A label with commas is quoted.
    expect(lines).toContain(
      '2003,decision-makers,"Intensifier les relations avec les décideurs politiques et économiques des pays, États fédérés et régions",regional-networks,"Forums de régions : ARE, REGLEG, Régions partenaires",0,0,0,0,0,0,0,0,0',
    );
    const en = await report({ from: '2003-01-01', to: '2004-12-31', format: 'csv' }).set('Accept-Language', 'en').expect(200);
    expect(en.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(en.text.split('\r\n')[0]).toMatch(/^Year,Priority,Priority \(label\),Initiative,Initiative \(label\),Participations launched,/);
    expect(en.text).toContain(
      "\r\n2003,international-forums,Make Québec's voice heard in international organizations and forums,trade-negotiations,",
    );
    expect(en.text.trimEnd().split('\r\n')).toHaveLength(lines.length);
  });

  it('refuses a range that ends before it starts, or dates that are not dates, naming the field', async () => {
    const backwards = await report({ from: '2004-01-01', to: '2003-01-01' }).expect(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'to', constraint: 'isNotBeforeStart' })]);
    const en = await report({ from: 'yesterday', format: 'xml' }).set('Accept-Language', 'en').expect(400);
    expect(en.body.errors).toEqual([
      expect.objectContaining({ field: 'from', constraint: 'isDateString', message: 'from must be an ISO 8601 date.' }),
      expect.objectContaining({ field: 'format', constraint: 'isIn' }),
    ]);
  });

  it('tells each participation’s place in the plan, from its kind', async () => {
    const res = await stack.http('sup-gagnon').get('/participations').query({ forum, kind: 'intern-placement' }).expect(200);
    expect(res.body.items.map((p: { plan: unknown }) => p.plan)).toEqual([
      { priority: 'international-forums', initiative: 'expertise-abroad' },
    ]);
  });

  it('is for supervisors and admins', async () => {
    await report({}, 'admin').expect(200);
    await report({}, 'coord-lavoie').expect(403);
    await report({}, 'expert-tremblay').expect(403);
  });
});

async function seed(stack: TestStack): Promise<void> {
  const em = stack.dataSource.manager;
  for (const [name, s] of Object.entries(SEEDS)) {
    const id = randomUUID();
    const workflowId = `${s.kind}/report-${name}-${id.slice(0, 8)}`;
    await em.insert(ParticipationEntity, {
      id,
      workflowId,
      kind: s.kind,
      businessKey: workflowId.split('/')[1],
      title: `Rapport : ${name}`,
      forum,
      coordinatorId,
      locale: 'fr',
      phase: s.phase,
      status: s.closedAt ? 'completed' : 'active',
      outcome: s.outcome ?? null,
      launchedAt: new Date(s.launchedAt),
      updatedAt: new Date(s.closedAt ?? s.launchedAt),
      phaseEnteredAt: new Date(s.launchedAt),
      closedAt: s.closedAt ? new Date(s.closedAt) : null,
    });
    for (const [i, [phase, at]] of (s.phases ?? []).entries()) {
      await em.getRepository(AuditEntryEntity).insert({
        entryKey: `${workflowId}#phase-${i}`,
        workflowId,
        participationId: id,
        actorId: 'workflow',
        action: 'participation.phase',
        target: workflowId,
        newValue: { phase } as AuditEntryEntity['newValue'],
        occurredAt: new Date(at),
      });
    }
    const tasks = [...(s.delivered ?? []).map((at) => ({ status: 'completed', at })), { status: 'cancelled', at: null }];
    for (const [i, t] of tasks.entries()) {
      await em.insert(TaskEntity, {
        id: randomUUID(),
        participationId: id,
        workflowId,
        stepKey: `task-${i}`,
        kind: 'position',
        title: `Tâche ${i}`,
        instructions: '',
        assigneeId: coordinatorId,
        dueAt: new Date(s.launchedAt),
        priority: 'normal',
        status: t.status,
        createdAt: new Date(s.launchedAt),
        updatedAt: new Date(t.at ?? s.launchedAt),
        completedAt: t.at ? new Date(t.at) : null,
      });
    }
  }
}
