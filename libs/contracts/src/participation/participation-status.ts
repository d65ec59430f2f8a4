/** Lifecycle of a participation as projected to PostgreSQL; the phase says where inside `active` it stands. */
export const PARTICIPATION_STATUSES = ['active', 'completed', 'cancelled', 'failed'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

/** How a participation ended. */
export const PARTICIPATION_OUTCOMES = ['concluded', 'suspended', 'withdrawn', 'cancelled'] as const;
export type ParticipationOutcome = (typeof PARTICIPATION_OUTCOMES)[number];
