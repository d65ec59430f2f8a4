import { randomUUID } from 'node:crypto';

/** Every endpoint of the API (documentation pages aside), with what a valid request looks like. */
export interface Endpoint {
  method: 'get' | 'post';
  route: string;
  /** Which kind of real id fills `:id`. */
  id?: 'participation' | 'task';
  validBody?: () => object;
  queryKeys?: string[];
}

const actor = { actorId: 'coord-lavoie' };
const base64 = (text: string) => Buffer.from(text).toString('base64');

export const ENDPOINTS: Endpoint[] = [
  {
    method: 'post',
    route: '/participations',
    validBody: () => ({
      kind: 'wto-round',
      businessKey: `fuzz-${randomUUID().slice(0, 8)}`,
      title: 'Cycle de Doha — essai',
      forum: 'wto',
      coordinatorId: 'coord-lavoie',
      issueAreas: [{ area: 'agriculture', expertId: 'expert-tremblay' }],
      mandateApproverIds: ['dm-international'],
      sessions: [{ date: '2027-03-01T09:00:00Z', leadExpertId: 'expert-tremblay' }],
    }),
  },
  {
    method: 'get',
    route: '/participations',
    queryKeys: ['kind', 'phase', 'forum', 'status', 'coordinatorId', 'page', 'pageSize'],
  },
  { method: 'get', route: '/participations/:id', id: 'participation' },
  { method: 'get', route: '/participations/:id/tasks', id: 'participation' },
  { method: 'post', route: '/participations/:id/federal-response', id: 'participation', validBody: () => ({ decision: 'granted', note: 'n', ...actor }) },
  { method: 'post', route: '/participations/:id/mandate-decision', id: 'participation', validBody: () => ({ decision: 'revise', comments: 'c', ...actor }) },
  { method: 'post', route: '/participations/:id/close', id: 'participation', validBody: () => ({ outcome: 'concluded', summary: 's', ...actor }) },
  { method: 'post', route: '/participations/:id/cancel', id: 'participation', validBody: () => ({ reason: 'r', ...actor }) },
  { method: 'get', route: '/tasks/:id', id: 'task' },
  {
    method: 'post',
    route: '/tasks/:id/complete',
    id: 'task',
    validBody: () => ({ actorId: 'expert-tremblay', deliverable: { summary: 's', fields: { a: 'b' }, notes: 'n', references: ['r'] } }),
  },
  { method: 'post', route: '/codec/encode', validBody: () => ({ payloads: [{ metadata: { encoding: base64('json/plain') }, data: base64('{"a":1}') }] }) },
  { method: 'post', route: '/codec/decode', validBody: () => ({ payloads: [{ metadata: { encoding: base64('json/plain') }, data: base64('{"a":1}') }] }) },
  { method: 'get', route: '/health' },
];
