import { randomUUID } from 'node:crypto';

/**
 * A valid WTO round launch body with a unique business key; its session a few
 * seconds ahead. A launch refuses a session already past, and a loaded machine
 * can take seconds between building the body and the API reading it (a sign-in
 * first, the same body sent again): 8 s leaves room for that, and a test that
 * drives a round to its sessions spends longer than that getting there.
 */
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
    sessions: [{ date: inSeconds(8), leadExpertId: 'expert-tremblay' }],
    ...overrides,
  };
}
