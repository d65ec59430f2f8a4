import { randomUUID } from 'node:crypto';
import { isPerson, isService, PEOPLE, rolesOf, SERVICES, type CallerName, type Person, type Role, type SignedIn } from './callers';
import type { AccessFixtures } from './fixtures';

/*
 * The access rules of every endpoint, written down once: who may call it, and
 * which of those the object itself refuses (a task that is not theirs, a
 * participation they do not coordinate, a mandate they do not approve). The
 * answer intended for each caller follows from the row; the suite sends every
 * row as every caller and compares.
 */

export interface AccessRequest {
  path: string;
  body?: unknown;
}

export interface AccessRow {
  /** `METHOD /route` as in the OpenAPI document (`:param` for `{param}`). */
  endpoint: string;
  /** Anyone (no token needed), anyone signed in, or these roles (admins always may). */
  access: 'public' | 'signed-in' | Role[];
  /** Open to services signed in as themselves whatever their role; otherwise only a service role opens it to them. */
  services?: true;
  /** Open to partners too, when open to anyone signed in (partners are refused every other route that does not name them). */
  partners?: true;
  /** The answer to a caller who is let in. */
  success: number;
  /** Callers let in by their role whom the object refuses, and how (422: what they would send in their name cannot be, e.g. an admin without organization). */
  refused?: Partial<Record<Person, 403 | 404 | 422>>;
  /** Not in the OpenAPI document (pages, metrics, the document itself). */
  undocumented?: true;
  /** A server-sent event stream: only its status is read. */
  stream?: true;
  /** The request the refused callers send: at shared fixtures, in the state where only access decides. */
  request: (f: AccessFixtures) => Promise<AccessRequest>;
  /** The request of a caller meant to succeed, when success changes something: at fixtures of its own. */
  fresh?: (f: AccessFixtures, caller: SignedIn) => Promise<AccessRequest>;
}

const at = (path: string, body?: unknown): AccessRequest => ({ path, body });
const eventBody = (businessKey: string) => ({
  id: `access-${randomUUID()}`,
  type: 'federal.response.received',
  data: { kind: 'wto-round', businessKey, decision: 'granted' },
});
const payloads = {
  payloads: [{ metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('{"a":1}').toString('base64') }],
};

const COORDINATE: AccessRow['refused'] = { 'other-coordinator': 403 };
/** A personal task of the expert: whoever else may see it is not its assignee (403); whoever may not see it gets 404. */
const ASSIGNEE_ONLY: AccessRow['refused'] = { coordinator: 403, admin: 403, 'other-coordinator': 404, 'other-expert': 404, partner: 404 };

export const ACCESS_TABLE: AccessRow[] = [
  // Open to anyone: probes, metrics scraped without a token, the inbox page (its data needs a token), the API document.
  { endpoint: 'GET /health', access: 'public', success: 200, request: async () => at('/health') },
  { endpoint: 'GET /metrics', access: 'public', success: 200, undocumented: true, request: async () => at('/metrics') },
  // The web console: its page and configuration are public; every call it makes carries the person's token.
  // `/` and `/inbox` redirect to it (fetch follows, so the answer read is the console page's).
  { endpoint: 'GET /', access: 'public', success: 200, undocumented: true, request: async () => at('/') },
  { endpoint: 'GET /inbox', access: 'public', success: 200, undocumented: true, request: async () => at('/inbox') },
  { endpoint: 'GET /console/*path', access: 'public', success: 200, undocumented: true, request: async () => at('/console/inbox') },
  {
    endpoint: 'GET /console/config.json',
    access: 'public',
    success: 200,
    undocumented: true,
    request: async () => at('/console/config.json'),
  },
  {
    endpoint: 'GET /console/labels.json',
    access: 'public',
    success: 200,
    undocumented: true,
    request: async () => at('/console/labels.json'),
  },
  { endpoint: 'GET /auth/callback', access: 'public', success: 200, undocumented: true, request: async () => at('/auth/callback') },
  { endpoint: 'GET /docs', access: 'public', success: 200, undocumented: true, request: async () => at('/docs') },
  { endpoint: 'GET /docs-json', access: 'public', success: 200, undocumented: true, request: async () => at('/docs-json') },

  // Anyone signed in, each seeing their own.
  { endpoint: 'GET /me', access: 'signed-in', services: true, partners: true, success: 200, request: async () => at('/me') },
  { endpoint: 'GET /tasks', access: 'signed-in', partners: true, success: 200, request: async () => at('/tasks') },
  {
    endpoint: 'GET /tasks/events',
    access: 'signed-in',
    partners: true,
    success: 200,
    stream: true,
    request: async () => at('/tasks/events'),
  },
  {
    endpoint: 'GET /tasks/:id',
    access: 'signed-in',
    partners: true,
    success: 200,
    refused: { 'other-coordinator': 404, 'other-expert': 404, partner: 404 },
    request: async (f) => at(`/tasks/${(await f.round()).openTask}`),
  },

  // Coordinators and supervisors read participations; partners only their organization's (not the shared round: 404).
  {
    endpoint: 'GET /participations',
    access: ['coordinator', 'supervisor', 'partner'],
    success: 200,
    request: async () => at('/participations'),
  },
  {
    endpoint: 'GET /participations/:id',
    access: ['coordinator', 'supervisor', 'partner'],
    success: 200,
    refused: { partner: 404 },
    request: async (f) => at(`/participations/${(await f.round()).id}`),
  },
  {
    endpoint: 'GET /participations/:id/tasks',
    access: ['coordinator', 'supervisor', 'partner'],
    success: 200,
    refused: { partner: 404 },
    request: async (f) => at(`/participations/${(await f.round()).id}/tasks`),
  },
  {
    // Partners answer an open call for their own organization; an admin has none to answer for.
    endpoint: 'POST /participations/:id/proposals',
    access: ['partner'],
    success: 201,
    refused: { admin: 422 },
    request: async (f) => at(`/participations/${await f.openCall()}/proposals`, proposal('access-shared')),
    fresh: async (f) => at(`/participations/${await f.openCall()}/proposals`, proposal(f.newId('project'))),
  },
  {
    endpoint: 'GET /participations/:id/timeline',
    access: ['coordinator', 'supervisor'],
    success: 200,
    request: async (f) => at(`/participations/${(await f.round()).id}/timeline`),
  },
  { endpoint: 'GET /dashboard', access: ['coordinator', 'supervisor'], success: 200, request: async () => at('/dashboard') },

  // Supervisors: the audit trail and the Temporal UI's codec.
  { endpoint: 'GET /audit', access: ['supervisor'], success: 200, request: async () => at('/audit') },
  { endpoint: 'POST /codec/encode', access: ['supervisor'], success: 200, request: async () => at('/codec/encode', payloads) },
  { endpoint: 'POST /codec/decode', access: ['supervisor'], success: 200, request: async () => at('/codec/decode', payloads) },

  // Coordinators launch and steer; some steps only by the participation's own coordinator, or its approvers.
  {
    // Launching for another coordinator is an admin's: the other coordinator is refused the shared body (coord-lavoie's).
    endpoint: 'POST /participations',
    access: ['coordinator'],
    success: 201,
    refused: { 'other-coordinator': 403 },
    request: async (f) => at('/participations', f.launchBody()),
    fresh: async (f, caller) => at('/participations', f.launchBody(idOf(caller))),
  },
  {
    endpoint: 'POST /participations/:id/cancel',
    access: ['coordinator'],
    success: 200,
    refused: COORDINATE,
    request: async (f) => at(`/participations/${(await f.round()).id}/cancel`, { reason: 'Essai d’accès.' }),
    fresh: async (f) => at(`/participations/${await f.freshRound()}/cancel`, { reason: 'Essai d’accès.' }),
  },
  {
    endpoint: 'POST /participations/:id/federal-response',
    access: ['coordinator'],
    success: 200,
    request: async (f) => at(`/participations/${(await f.round()).id}/federal-response`, { decision: 'granted' }),
    fresh: async (f) => at(`/participations/${await f.roundAwaitingFederal()}/federal-response`, { decision: 'granted' }),
  },
  // Approvals: the listed approvers only; the other coordinator is not one.
  ...(
    [
      ['mandate-decision', 'mandateAwaiting'],
      ['approval-decision', 'nominationAwaiting'],
    ] as const
  ).map(([step, awaiting]): AccessRow => ({
    endpoint: `POST /participations/:id/${step}`,
    access: ['coordinator'],
    success: 200,
    refused: { 'other-coordinator': 403 },
    request: async (f) => at(`/participations/${await f[awaiting](PEOPLE.coordinator.id)}/${step}`, { decision: 'approve' }),
    fresh: async (f, caller) => at(`/participations/${await f[awaiting](idOf(caller))}/${step}`, { decision: 'approve' }),
  })),
  {
    endpoint: 'POST /participations/:id/close',
    access: ['coordinator'],
    success: 200,
    refused: COORDINATE,
    request: async (f) => at(`/participations/${(await f.round()).id}/close`, { outcome: 'concluded', summary: 'Essai.' }),
    fresh: async (f) => at(`/participations/${await f.roundInClosing()}/close`, { outcome: 'concluded', summary: 'Essai.' }),
  },
  {
    endpoint: 'POST /participations/:id/round-decision',
    access: ['coordinator'],
    success: 200,
    refused: COORDINATE,
    request: async (f) => at(`/participations/${(await f.round()).id}/round-decision`, { decision: 'concluded' }),
    fresh: async (f) =>
      at(`/participations/${await f.negotiationAtRoundEnd()}/round-decision`, { decision: 'concluded', summary: 'Essai.' }),
  },
  {
    // Signals: accepted at once, so the shared round serves the accepted callers too.
    endpoint: 'POST /participations/:id/sessions/:sessionKey/reschedule',
    access: ['coordinator'],
    success: 202,
    refused: COORDINATE,
    request: async (f) =>
      at(`/participations/${(await f.round()).id}/sessions/s1/reschedule`, { date: new Date(Date.now() + 8 * 3600_000).toISOString() }),
  },
  {
    endpoint: 'POST /participations/:id/sessions/:sessionKey/cancel',
    access: ['coordinator'],
    success: 202,
    refused: COORDINATE,
    request: async (f) => at(`/participations/${(await f.round()).id}/sessions/s2/cancel`, { reason: 'Essai d’accès.' }),
    // Cancelled once, a session is no longer scheduled (409): each caller allowed cancels one of its own.
    fresh: async (f) => at(`/participations/${await f.freshRoundWithSession()}/sessions/s1/cancel`, { reason: 'Essai d’accès.' }),
  },
  {
    endpoint: 'POST /participations/:id/monitoring/pause',
    access: ['coordinator'],
    success: 200,
    refused: COORDINATE,
    request: async (f) => at(`/participations/${(await f.round()).id}/monitoring/pause`, {}),
    fresh: async (f) => at(`/participations/${await f.watch()}/monitoring/pause`, { note: 'Essai.' }),
  },
  {
    endpoint: 'POST /participations/:id/monitoring/resume',
    access: ['coordinator'],
    success: 200,
    refused: COORDINATE,
    request: async (f) => at(`/participations/${(await f.round()).id}/monitoring/resume`, {}),
    fresh: async (f) => at(`/participations/${await f.watch({ paused: true })}/monitoring/resume`, { note: 'Essai.' }),
  },
  // Outside events: services with the integration role (and admins), never a person's role.
  {
    endpoint: 'POST /events',
    access: ['integration'],
    success: 201,
    request: async (f) => at('/events', eventBody((await f.round()).businessKey)),
    fresh: async (f) => at('/events', eventBody((await f.round()).businessKey)),
  },

  // Tasks: experts (and coordinators holding one) act on their own; coordinators reassign and reschedule theirs.
  ...(
    [
      ['claim', 'openTask', 'freshTask'],
      ['complete', 'openTask', 'freshTask'],
      ['decline', 'openTask', 'freshTask'],
      ['unclaim', 'claimedTask', 'claimedTask'],
    ] as const
  ).map(([verb, shared, fresh]): AccessRow => ({
    endpoint: `POST /tasks/:id/${verb}`,
    // Partners deliver their own tasks; they never take, give back or decline one.
    access: verb === 'complete' ? ['expert', 'coordinator', 'partner'] : ['expert', 'coordinator'],
    success: 200,
    refused: ASSIGNEE_ONLY,
    request: async (f) => at(`/tasks/${(await f.round())[shared]}/${verb}`, TASK_BODIES[verb]),
    fresh: async (f) => at(`/tasks/${await f[fresh]()}/${verb}`, TASK_BODIES[verb]),
  })),
  {
    endpoint: 'POST /tasks/:id/reassign',
    access: ['coordinator'],
    success: 200,
    refused: { 'other-coordinator': 404 },
    request: async (f) => at(`/tasks/${(await f.round()).openTask}/reassign`, TASK_BODIES.reassign),
    fresh: async (f) => at(`/tasks/${await f.freshTask()}/reassign`, TASK_BODIES.reassign),
  },
  {
    // Moves one person's tasks, each through its workflow; the other coordinator does not coordinate the shared round.
    endpoint: 'POST /tasks/reassign',
    access: ['coordinator'],
    success: 200,
    refused: { 'other-coordinator': 403 },
    request: async (f) => at('/tasks/reassign', bulkReassign((await f.round()).id)),
    fresh: async (f) => at('/tasks/reassign', bulkReassign(await f.roundWithTaskOf('expert-tremblay'))),
  },
  {
    endpoint: 'PATCH /tasks/:id',
    access: ['coordinator'],
    success: 200,
    refused: { 'other-coordinator': 404 },
    request: async (f) => at(`/tasks/${(await f.round()).openTask}`, TASK_BODIES.reschedule),
    fresh: async (f) => at(`/tasks/${await f.freshTask()}`, TASK_BODIES.reschedule),
  },

  // The directory: anyone signed in finds people and groups (the pickers) and keeps their own absence; admins keep the rest.
  { endpoint: 'GET /people', access: 'signed-in', success: 200, request: async () => at('/people?search=tremblay') },
  { endpoint: 'GET /people/:id', access: 'signed-in', success: 200, request: async () => at('/people/expert-tremblay') },
  { endpoint: 'GET /groups', access: 'signed-in', success: 200, request: async () => at('/groups') },
  { endpoint: 'GET /me/absence', access: 'signed-in', success: 200, request: async () => at('/me/absence') },
  // Years ahead, so that no other test's task is delegated meanwhile.
  { endpoint: 'PUT /me/absence', access: 'signed-in', success: 200, request: async () => at('/me/absence', FAR_ABSENCE) },
  { endpoint: 'DELETE /me/absence', access: 'signed-in', success: 200, request: async () => at('/me/absence') },
  // The calendar feed: each person makes and revokes their own secret address; the feed itself needs no token, only the secret
  // (calendar applications send none): at an address nobody was given, everyone gets 404.
  { endpoint: 'POST /me/calendar-feed', access: 'signed-in', success: 201, request: async () => at('/me/calendar-feed') },
  { endpoint: 'DELETE /me/calendar-feed', access: 'signed-in', success: 204, request: async () => at('/me/calendar-feed') },
  { endpoint: 'GET /calendar/:file', access: 'public', success: 404, request: async () => at('/calendar/nobody-was-given-this-one.ics') },
  {
    endpoint: 'POST /people',
    access: ['admin'],
    success: 201,
    request: async (f) => at('/people', newPerson(f.newId('person'))),
    fresh: async (f) => at('/people', newPerson(f.newId('person'))),
  },
  {
    endpoint: 'PATCH /people/:id',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/people/${await f.person('changed')}`, { organization: 'Direction des accès' }),
  },
  {
    endpoint: 'POST /people/:id/deactivate',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/people/${await f.person('leaving')}/deactivate`),
  },
  {
    endpoint: 'POST /people/:id/reactivate',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/people/${await f.person('returning')}/reactivate`),
  },
  {
    endpoint: 'GET /people/:id/absence',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/people/${await f.person('away')}/absence`),
  },
  {
    endpoint: 'PUT /people/:id/absence',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/people/${await f.person('away')}/absence`, FAR_ABSENCE),
  },
  {
    endpoint: 'DELETE /people/:id/absence',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/people/${await f.person('back')}/absence`),
  },
  // Webhook subscriptions and dead letters: admins only.
  {
    endpoint: 'POST /webhooks/subscriptions',
    access: ['admin'],
    success: 201,
    request: async (f) => at('/webhooks/subscriptions', { url: 'http://127.0.0.1:9/access', forums: [f.newId('forum')] }),
  },
  { endpoint: 'GET /webhooks/subscriptions', access: ['admin'], success: 200, request: async () => at('/webhooks/subscriptions') },
  {
    endpoint: 'GET /webhooks/subscriptions/:id',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/webhooks/subscriptions/${await f.subscription('read')}`),
  },
  {
    endpoint: 'POST /webhooks/subscriptions/:id/deactivate',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/webhooks/subscriptions/${await f.subscription('deactivate')}/deactivate`),
  },
  { endpoint: 'GET /webhooks/dead-letters', access: ['admin'], success: 200, request: async () => at('/webhooks/dead-letters') },
  {
    endpoint: 'POST /webhooks/dead-letters/:id/replay',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/webhooks/dead-letters/${await f.deadLetter()}/replay`),
    fresh: async (f) => at(`/webhooks/dead-letters/${await f.deadLetter()}/replay`),
  },
  {
    endpoint: 'POST /groups',
    access: ['admin'],
    success: 201,
    request: async (f) => at('/groups', newGroup(f.newId('group'))),
    fresh: async (f) => at('/groups', newGroup(f.newId('group'))),
  },
  {
    endpoint: 'PATCH /groups/:code',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/groups/${await f.group('renamed')}`, { nameEn: 'Access group' }),
  },
  {
    endpoint: 'POST /groups/:code/deactivate',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/groups/${await f.group('closing')}/deactivate`),
  },
  {
    endpoint: 'POST /groups/:code/reactivate',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/groups/${await f.group('reopening')}/reactivate`),
  },
  { endpoint: 'GET /directory/changes', access: ['admin'], success: 200, request: async () => at('/directory/changes') },

  // Reference lists: anyone signed in reads them (the console's pickers); admins keep them, retiring rather than deleting.
  { endpoint: 'GET /reference/forums', access: 'signed-in', success: 200, request: async () => at('/reference/forums?search=omc') },
  {
    endpoint: 'GET /reference/countries',
    access: 'signed-in',
    success: 200,
    request: async () => at('/reference/countries?countryCode=us'),
  },
  { endpoint: 'GET /reference/offices', access: 'signed-in', success: 200, request: async () => at('/reference/offices?status=open') },
  {
    endpoint: 'POST /reference/forums',
    access: ['admin'],
    success: 201,
    request: async (f) => at('/reference/forums', newForum(f.newId('forum'))),
    fresh: async (f) => at('/reference/forums', newForum(f.newId('forum'))),
  },
  {
    endpoint: 'POST /reference/countries',
    access: ['admin'],
    success: 201,
    request: async (f) => at('/reference/countries', newState(f.newId('state'))),
    fresh: async (f) => at('/reference/countries', newState(f.newId('state'))),
  },
  {
    endpoint: 'POST /reference/offices',
    access: ['admin'],
    success: 201,
    request: async (f) => at('/reference/offices', newOffice(f.newId('office'))),
    fresh: async (f) => at('/reference/offices', newOffice(f.newId('office'))),
  },
  {
    endpoint: 'PATCH /reference/forums/:code',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/reference/forums/${await f.forum('renamed')}`, { nameEn: 'Access forum' }),
  },
  {
    endpoint: 'POST /reference/forums/:code/retire',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/reference/forums/${await f.forum('retired')}/retire`),
  },
  // Seeded entries, changed to what they already are: the admin's success leaves them as other tests need them.
  {
    endpoint: 'PATCH /reference/countries/:code',
    access: ['admin'],
    success: 200,
    request: async () => at('/reference/countries/us-vt', { nameEn: 'Vermont' }),
  },
  {
    endpoint: 'PATCH /reference/offices/:code',
    access: ['admin'],
    success: 200,
    request: async () => at('/reference/offices/boston', { status: 'open' }),
  },
  {
    endpoint: 'POST /reference/countries/:code/retire',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/reference/countries/${await f.country('retired')}/retire`),
  },
  {
    endpoint: 'POST /reference/offices/:code/retire',
    access: ['admin'],
    success: 200,
    request: async (f) => at(`/reference/offices/${await f.office('retired')}/retire`),
  },

  // The plan's report: for those who watch the whole.
  {
    endpoint: 'GET /reports/plan',
    access: ['supervisor'],
    success: 200,
    request: async () => at('/reports/plan?from=2026-01-01&to=2026-12-31'),
  },
];

const newForum = (code: string) => ({ code, nameFr: 'Forum d’essai', nameEn: 'Test forum', type: 'forum' });
const newState = (code: string) => ({ code, nameFr: 'État d’essai', nameEn: 'Test state', type: 'federated-state', countryCode: 'us' });
const newOffice = (code: string) => ({
  code,
  nameFr: 'Bureau d’essai',
  nameEn: 'Test office',
  type: 'office',
  city: 'Boston',
  countryCode: 'us',
  status: 'planned',
});

const proposal = (code: string) => ({ code, title: 'Projet d’essai', theme: 'educational', summary: 'Essai d’accès.' });
const FAR_ABSENCE = { from: '2090-07-01T00:00:00Z', to: '2090-07-15T00:00:00Z', delegateId: 'expert-nguyen', note: 'Essai d’accès.' };
const newPerson = (id: string) => ({ id, displayName: 'Personne d’essai', email: `${id}@example.org`, roles: ['expert'] });
const newGroup = (code: string) => ({ code, nameFr: 'Groupe d’essai', nameEn: 'Test group' });
const bulkReassign = (participationId: string) => ({
  fromAssigneeId: 'expert-tremblay',
  toAssigneeId: 'expert-nguyen',
  reason: 'Essai d’accès.',
  participationId,
});

const TASK_BODIES = {
  claim: undefined,
  unclaim: undefined,
  complete: { deliverable: { summary: 'Position rédigée.' } },
  decline: { reason: 'En congé.' },
  reassign: { assigneeId: 'expert-nguyen', reason: 'Charge de travail.' },
  reschedule: { dueAt: new Date(Date.now() + 20 * 86_400_000).toISOString(), priority: 'high', reason: 'Report.' },
};

const idOf = (caller: SignedIn): string => (isPerson(caller) ? PEOPLE[caller].id : SERVICES[caller].id);

/** The answer a caller should get from a row. */
export function intendedStatus(row: AccessRow, caller: CallerName): number {
  if (row.access === 'public') return row.success;
  // A well-signed token of someone who is not (or no longer) an active person of the directory.
  if (caller === 'deactivated') return 403;
  if (!isPerson(caller) && !isService(caller)) return 401;
  const roles: readonly Role[] = rolesOf(caller);
  const servicesWelcome = row.services === true || (Array.isArray(row.access) && row.access.includes('integration'));
  if (isService(caller) && !servicesWelcome) return 403;
  // A partner and nothing more reaches only what names partners, or is opened to them.
  if (roles.length > 0 && roles.every((role) => role === 'partner')) {
    const opened = row.access === 'signed-in' ? row.partners === true : row.access.includes('partner');
    if (!opened) return 403;
  }
  const letIn = row.access === 'signed-in' || roles.includes('admin') || row.access.some((role) => roles.includes(role));
  if (!letIn) return 403;
  return (isPerson(caller) ? row.refused?.[caller] : undefined) ?? row.success;
}
