import { randomUUID } from 'node:crypto';

/**
 * Every endpoint of the API, read from its OpenAPI document so that a new
 * one is fuzzed too, with what a valid body looks like where one is known
 * (others are fuzzed from `{}` and arbitrary JSON).
 */
export interface Endpoint {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** Express-style route: `/participations/:id/tasks`. */
  route: string;
  params: string[];
  validBody?: () => object;
}

/** Left out, with why: a fuzzer waits for an answer, and these never end or are not the API's. */
export const NOT_FUZZED: Record<string, string> = {
  'GET /tasks/events': 'a server-sent event stream: it never ends by design',
};

/**
 * The directory entries the fuzzer may change (the admin endpoints act on
 * them): its own, so that no other test file's people are touched. The
 * fuzzer's bulk reassignments move only the tasks of FUZZ_LEAVER, who holds none.
 */
export const FUZZ_PERSON = 'fuzz-person';
export const FUZZ_LEAVER = 'fuzz-leaver';
export const FUZZ_GROUP = 'fuzz-group';

const base64 = (text: string) => Buffer.from(text).toString('base64');
const payloads = () => ({ payloads: [{ metadata: { encoding: base64('json/plain') }, data: base64('{"a":1}') }] });

const VALID_BODIES: Record<string, () => object> = {
  'POST /participations': () => ({
    kind: 'wto-round',
    businessKey: `fuzz-${randomUUID().slice(0, 8)}`,
    title: 'Cycle de Doha — essai',
    forum: 'wto',
    coordinatorId: 'coord-lavoie',
    issueAreas: [{ area: 'agriculture', expertId: 'expert-tremblay' }],
    mandateApproverIds: ['dm-international'],
    sessions: [{ date: '2027-03-01T09:00:00Z', leadExpertId: 'expert-tremblay' }],
  }),
  'POST /participations/:id/federal-response': () => ({ decision: 'granted', note: 'n' }),
  'POST /participations/:id/mandate-decision': () => ({ decision: 'revise', comments: 'c' }),
  'POST /participations/:id/approval-decision': () => ({ decision: 'revise', comments: 'c' }),
  'POST /participations/:id/close': () => ({ outcome: 'concluded', summary: 's' }),
  'POST /participations/:id/cancel': () => ({ reason: 'r' }),
  'POST /tasks/:id/complete': () => ({ deliverable: { summary: 's', fields: { a: 'b' }, notes: 'n', references: ['r'] } }),
  'POST /tasks/:id/decline': () => ({ reason: 'En congé.' }),
  'POST /tasks/:id/reassign': () => ({ reason: 'Charge de travail.', assigneeId: 'expert-nguyen' }),
  'PATCH /tasks/:id': () => ({ reason: 'Report.', dueAt: '2027-03-15T17:00:00Z', priority: 'high' }),
  'POST /events': () => ({
    id: `fuzz-${randomUUID()}`,
    type: 'federal.response.received',
    occurredAt: '2027-03-14T10:00:00Z',
    data: { kind: 'wto-round', businessKey: 'doha-fuzz', decision: 'granted' },
  }),
  'POST /tasks/reassign': () => ({ fromAssigneeId: FUZZ_LEAVER, toAssigneeId: 'expert-nguyen', reason: 'Départ.', kind: 'position' }),
  'POST /people': () => ({
    id: `fuzz-${randomUUID().slice(0, 8)}`,
    displayName: 'Personne fuzz',
    email: 'fuzz@example.org',
    language: 'fr',
    roles: ['expert'],
    groups: ['wto-experts'],
    expertiseAreas: ['culture'],
    languages: ['fr'],
  }),
  'PATCH /people/:id': () => ({ displayName: 'Personne modifiée', organization: 'Fuzz', roles: ['expert'], groups: [FUZZ_GROUP] }),
  // Decades ahead, and one thing wrong at a time: no fuzzed absence ever lasts now, so no other test's task is delegated.
  'PUT /me/absence': () => ({ from: '2090-07-01T00:00:00Z', to: '2090-07-15T00:00:00Z', delegateId: 'expert-nguyen', note: 'n' }),
  'PUT /people/:id/absence': () => ({ from: '2090-07-01T00:00:00Z', to: '2090-07-15T00:00:00Z', delegateId: 'expert-nguyen' }),
  'POST /groups': () => ({ code: `fuzz-${randomUUID().slice(0, 8)}`, nameFr: 'Groupe fuzz', nameEn: 'Fuzz group' }),
  'PATCH /groups/:code': () => ({ nameFr: 'Groupe fuzz renommé', nameEn: 'Fuzz group renamed' }),
  'POST /reference/forums': () => ({ code: `fuzz-${randomUUID().slice(0, 8)}`, nameFr: 'Forum fuzz', nameEn: 'Fuzz forum', type: 'forum' }),
  'POST /reference/countries': () => ({
    code: `fuzz-${randomUUID().slice(0, 8)}`,
    nameFr: 'État fuzz',
    nameEn: 'Fuzz state',
    type: 'federated-state',
    countryCode: 'us',
  }),
  'POST /reference/offices': () => ({
    code: `fuzz-${randomUUID().slice(0, 8)}`,
    nameFr: 'Bureau fuzz',
    nameEn: 'Fuzz office',
    type: 'office',
    city: 'Fuzz',
    countryCode: 'us',
    status: 'planned',
  }),
  'PATCH /reference/forums/:code': () => ({ nameFr: 'Forum fuzz renommé', type: 'organization' }),
  'PATCH /reference/countries/:code': () => ({ nameEn: 'Fuzz region renamed', countryCode: 'mx' }),
  'PATCH /reference/offices/:code': () => ({ city: 'Fuzzville', status: 'closed' }),
  // Filtered on a forum that does not exist: a fuzzed subscription receives nothing (the fuzzer deactivates those it made).
  'POST /webhooks/subscriptions': () => ({
    url: 'http://127.0.0.1:9/fuzz',
    eventTypes: ['ca.qc.mri.participations.task.opened'],
    kinds: ['wto-round'],
    forums: ['fuzz-no-forum'],
    includeProtected: false,
  }),
  'POST /codec/encode': payloads,
  'POST /codec/decode': payloads,
};

/** The endpoints of an OpenAPI document (`/docs-json`), the ones left out aside. */
export function endpointsOf(document: { paths: Record<string, Record<string, unknown>> }): Endpoint[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method): method is Endpoint['method'] => ['get', 'post', 'patch', 'put', 'delete'].includes(method))
      .map((method) => {
        const route = path.replace(/\{(\w+)\}/g, ':$1');
        return {
          method,
          route,
          params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
          validBody: VALID_BODIES[`${method.toUpperCase()} ${route}`],
        };
      })
      .filter((e) => !NOT_FUZZED[`${e.method.toUpperCase()} ${e.route}`]),
  );
}
