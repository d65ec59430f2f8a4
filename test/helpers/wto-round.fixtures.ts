import { randomUUID } from 'node:crypto';

/** A valid WTO round launch body with a unique business key; sessions a few seconds ahead. */
export function wtoLaunchBody(overrides: Record<string, unknown> = {}) {
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  return {
    kind: 'wto-round',
    businessKey: `doha-${randomUUID().slice(0, 8)}`,
    title: 'Cycle de Doha — agriculture',
    forum: 'wto',
    coordinatorId: 'coord-lavoie',
    issueAreas: [
      { area: 'agriculture', expertId: 'expert-tremblay' },
      { area: 'services', expertId: 'expert-nguyen' },
    ],
    mandateApproverIds: ['dm-international'],
    sessions: [{ date: inSeconds(2), leadExpertId: 'expert-tremblay' }],
    ...overrides,
  };
}
