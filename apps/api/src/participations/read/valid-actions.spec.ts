import type { ParticipationStateView, TaskView } from '@lib/contracts';
import type { Caller } from '../../auth/caller';
import { validActions } from './valid-actions';

const person = (id: string, ...roles: Caller['roles']): Caller => ({ id, kind: 'person', roles, groups: [] });
const coordinator = person('coord-lavoie', 'coordinator');
const approver = person('dm-international', 'coordinator');
const supervisor = person('sup-gagnon', 'supervisor');
const admin = person('admin', 'admin');

const row = { coordinatorId: 'coord-lavoie', status: 'active' };
function live(over: Partial<ParticipationStateView>): ParticipationStateView {
  return {
    participationId: 'p1',
    workflowId: 'wto-round/doha',
    kind: 'wto-round',
    title: 'Doha',
    forum: 'wto',
    coordinatorId: 'coord-lavoie',
    phase: 'federal-coordination',
    status: 'active',
    tasks: [],
    phaseHistory: [],
    details: {},
    ...over,
  };
}
const task = (over: Partial<TaskView>): TaskView => ({
  taskId: 't1',
  stepKey: '0007:task/position/agriculture/r1',
  title: 'Position',
  assigneeId: 'expert-tremblay',
  candidateGroup: null,
  dueAt: '2027-01-01T00:00:00Z',
  priority: 'normal',
  status: 'open',
  overdue: false,
  ...over,
});
const kinds = (state: ParticipationStateView | null, caller: Caller, participation = row) =>
  validActions(participation, state, caller).map((a) => a.kind);

describe('the actions valid now on a participation, for its caller', () => {
  it('offers the federal answer only while the workflow waits for it', () => {
    expect(kinds(live({ waitingFor: { code: 'federal-response', label: '' } }), coordinator)).toEqual(['federal-response', 'cancel']);
    expect(kinds(live({ phase: 'position-drafting', waitingFor: { code: 'tasks', label: '' } }), coordinator)).toEqual(['cancel']);
  });

  it('offers the approval to the approvers who hold its task, with the endpoint of the phase', () => {
    const waiting = { waitingFor: { code: 'approval', label: '' } };
    const tasks = [
      task({ taskId: 'a1', stepKey: '0012:task/approval/mandate-approval/1/dm-international', assigneeId: 'dm-international' }),
    ];
    expect(validActions(row, live({ phase: 'mandate-approval', ...waiting, tasks }), approver)).toEqual([
      { kind: 'approval', endpoint: 'mandate-decision' },
    ]);
    // Another coordinator holds no approval task: nothing to offer them (the API would answer 403).
    expect(kinds(live({ phase: 'mandate-approval', ...waiting, tasks }), person('coord-other', 'coordinator'))).toEqual([]);
    // A workflow begun before approvals were tasks: any coordinator may try, the workflow judges.
    expect(validActions(row, live({ phase: 'nomination-approval', ...waiting }), approver)).toEqual([
      { kind: 'approval', endpoint: 'approval-decision' },
    ]);
  });

  it('offers moving and cancelling each session still scheduled, and reassigning open work but not a decision', () => {
    const state = live({
      phase: 'negotiation-sessions',
      waitingFor: { code: 'session-date', label: '' },
      details: {
        sessions: [
          { key: 's1', date: '2027-03-01T09:00:00Z', label: 'Session 1', status: 'held' },
          { key: 's2', date: '2027-04-01T09:00:00Z', label: 'Session 2', status: 'scheduled' },
        ],
      },
      tasks: [
        task({ taskId: 't1', title: 'Debrief' }),
        task({ taskId: 't0', title: 'Old', status: 'completed' }),
        task({ taskId: 't2', title: 'Closing', stepKey: '0020:task/closing', assigneeId: 'coord-lavoie' }),
      ],
    });
    expect(validActions(row, state, coordinator)).toEqual([
      { kind: 'move-session', sessionKey: 's2', label: 'Session 2', date: '2027-04-01T09:00:00Z' },
      { kind: 'cancel-session', sessionKey: 's2', label: 'Session 2' },
      { kind: 'reassign-task', taskId: 't1', title: 'Debrief', assigneeId: 'expert-tremblay' },
      { kind: 'cancel' },
    ]);
  });

  it('offers closing when the closing decision waits, pausing or resuming a watch, and steering to its coordinator or an admin only', () => {
    expect(kinds(live({ phase: 'closing', waitingFor: { code: 'closing-decision', label: '' } }), coordinator)).toEqual([
      'close',
      'cancel',
    ]);
    expect(kinds(live({ phase: 'monitoring', waitingFor: { code: 'reports', label: '' } }), coordinator)).toEqual([
      'pause-monitoring',
      'close',
      'cancel',
    ]);
    expect(kinds(live({ phase: 'paused' }), admin)).toEqual(['resume-monitoring', 'close', 'cancel']);
    expect(kinds(live({ phase: 'closing', waitingFor: { code: 'closing-decision', label: '' } }), approver)).toEqual([]);
  });

  it('offers nothing on a closed participation, to a supervisor, or while the workflow does not answer', () => {
    expect(kinds(live({ phase: 'closed', status: 'completed' }), coordinator)).toEqual([]);
    expect(kinds(live({}), coordinator, { ...row, status: 'closed' })).toEqual([]);
    expect(kinds(live({ waitingFor: { code: 'federal-response', label: '' } }), supervisor)).toEqual([]);
    expect(kinds(null, coordinator)).toEqual([]);
  });
});
