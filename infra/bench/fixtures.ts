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
 * A round whose negotiation sessions are all past, so that once the mandate is
 * approved it opens a debrief, and each debrief completed opens the next one
 * for another expert: a chain of hand-overs from one expert to the next.
 */
export function chainRoundBody(businessKey: string, experts: readonly string[], sessionCount: number) {
  // One day apart, so that they follow each other in the order given (sessions on the same date go by key, and s10 sorts before s2).
  const past = (i: number) => new Date(Date.UTC(2020, 0, 6 + i, 9)).toISOString();
  return {
    ...waitingRoundBody(businessKey),
    issueAreas: [{ area: 'agriculture', expertId: experts[0] }],
    sessions: Array.from({ length: sessionCount }, (_, i) => ({ date: past(i), leadExpertId: experts[i % experts.length] })),
  };
}

/** A WTO round has at most 50 sessions (the launch DTO's limit), so at most 49 hand-overs. */
export const MAX_SESSIONS = 50;
