/*
 * Launch bodies for the bench: valid WTO rounds, as a coordinator would send them.
 * Business keys carry the run id so that runs on a reused server never collide.
 */

const FAR_FUTURE = '2031-06-01T09:00:00.000Z';

export const COORDINATOR = 'coord-bench';
export const APPROVER = 'dm-bench';

/** The roles in a bench person's token: the coordinator and the approver coordinate, everyone else is an expert. */
export function benchRoles(actorId: string): string[] {
  return actorId === COORDINATOR || actorId === APPROVER ? ['coordinator'] : ['expert'];
}

/** Puts a bench person in a database's directory with their role (the API serves active people only); a second time does nothing. */
export function enrolBenchPerson(db: { query(sql: string, params: unknown[]): Promise<unknown> }, actorId: string): Promise<unknown> {
  return db.query(
    `INSERT INTO people (id, display_name, email, roles) VALUES ($1, $1, $1 || '@bench.invalid', $2) ON CONFLICT (id) DO NOTHING`,
    [actorId, benchRoles(actorId)],
  );
}

/** A round that waits on the federal government first: one position, one session years away. */
export function waitingRoundBody(businessKey: string) {
  return {
    kind: 'wto-round',
    businessKey,
    title: 'Cycle de Doha — banc d’essai',
    forum: 'wto',
    coordinatorId: COORDINATOR,
    issueAreas: [{ area: 'agriculture', expertId: 'expert-bench-drafter' }],
    mandateApproverIds: [APPROVER],
    sessions: [{ date: FAR_FUTURE, leadExpertId: 'expert-bench-lead' }],
  };
}

/**
 * A round whose negotiation sessions are all due by the time its mandate is
 * approved, so that the approval opens a debrief, and each debrief completed
 * opens the next one for another expert: a chain of hand-overs from one expert
 * to the next. A launch refuses a session already past, so they lie a few
 * seconds ahead, a millisecond apart (that order is theirs: sessions at the same
 * instant go by key, and s10 sorts before s2); the set-up's federal grant,
 * position and approval outlast that lead.
 */
export function chainRoundBody(businessKey: string, experts: readonly string[], sessionCount: number, now = Date.now()) {
  const soon = (i: number) => new Date(now + SESSION_LEAD_MS + i).toISOString();
  return {
    ...waitingRoundBody(businessKey),
    issueAreas: [{ area: 'agriculture', expertId: experts[0] }],
    sessions: Array.from({ length: sessionCount }, (_, i) => ({ date: soon(i), leadExpertId: experts[i % experts.length] })),
  };
}

/** How far ahead a chain round's first session lies at its launch. */
export const SESSION_LEAD_MS = 3_000;

/** A WTO round has at most 50 sessions (the launch DTO's limit), so at most 49 hand-overs. */
export const MAX_SESSIONS = 50;
