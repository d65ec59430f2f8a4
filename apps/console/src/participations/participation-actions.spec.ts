import type { Me, ParticipationDetail } from '../api/types';
import { validActions } from './participation-actions';
import { workflowLink, workflowListLink } from './temporal-links';

const coordinator: Me = { id: 'coord-lavoie', roles: ['coordinator'], groups: [] };
const approver: Me = { id: 'dm-international', roles: ['coordinator'], groups: [] };
const supervisor: Me = { id: 'sup-gagnon', roles: ['supervisor'], groups: [] };

function round(live: Partial<NonNullable<ParticipationDetail['live']>>): ParticipationDetail {
  return {
    id: 'p1',
    workflowId: 'wto-round/doha',
    kind: 'wto-round',
    businessKey: 'doha',
    title: 'Doha',
    forum: 'wto',
    coordinatorId: 'coord-lavoie',
    phase: live.phase ?? 'federal-coordination',
    status: 'active',
    outcome: null,
    launchedAt: '2027-01-01T00:00:00Z',
    updatedAt: '2027-01-01T00:00:00Z',
    closedAt: null,
    closingSummary: null,
    details: {},
    live: { phase: 'federal-coordination', status: 'active', tasks: [], phaseHistory: [], details: {}, ...live },
  };
}

const kinds = (p: ParticipationDetail, me: Me) => validActions(p, me).map((a) => a.kind);

describe('the actions a participation page offers', () => {
  it('offers the federal answer only while the workflow waits for it', () => {
    expect(kinds(round({ waitingFor: { code: 'federal-response', label: '' } }), coordinator)).toEqual(['federal-response', 'cancel']);
    expect(kinds(round({ phase: 'position-drafting', waitingFor: { code: 'tasks', label: '' } }), coordinator)).toEqual(['cancel']);
  });

  it('offers the approval to coordinators who do not run the participation, and the mandate endpoint in mandate approval', () => {
    const p = round({ phase: 'mandate-approval', waitingFor: { code: 'approval', label: '' } });
    expect(validActions(p, approver)).toEqual([{ kind: 'approval', endpoint: 'mandate-decision' }]);
    const nomination = round({ phase: 'nomination-approval', waitingFor: { code: 'approval', label: '' } });
    expect(validActions(nomination, approver)).toEqual([{ kind: 'approval', endpoint: 'approval-decision' }]);
  });

  it('offers moving and cancelling each session still scheduled, and reassigning each open task', () => {
    const p = round({
      phase: 'negotiation-sessions',
      waitingFor: { code: 'session-date', label: '' },
      details: {
        sessions: [
          { key: 's1', date: '2027-03-01T09:00:00Z', label: 'Session 1', status: 'held' },
          { key: 's2', date: '2027-04-01T09:00:00Z', label: 'Session 2', status: 'scheduled' },
        ],
      },
      tasks: [
        {
          taskId: 't1',
          stepKey: '',
          title: 'Debrief',
          assigneeId: 'expert-tremblay',
          candidateGroup: null,
          dueAt: '',
          priority: 'normal',
          status: 'open',
          overdue: false,
        },
        {
          taskId: 't0',
          stepKey: '',
          title: 'Old',
          assigneeId: 'expert-tremblay',
          candidateGroup: null,
          dueAt: '',
          priority: 'normal',
          status: 'completed',
          overdue: false,
        },
      ],
    });
    expect(validActions(p, coordinator)).toEqual([
      { kind: 'move-session', sessionKey: 's2', label: 'Session 2', date: '2027-04-01T09:00:00Z' },
      { kind: 'cancel-session', sessionKey: 's2', label: 'Session 2' },
      { kind: 'reassign-task', taskId: 't1', title: 'Debrief', assigneeId: 'expert-tremblay' },
      { kind: 'cancel' },
    ]);
  });

  it('offers closing in the closing phase, pausing or resuming a watch, and nothing on a closed one or to a supervisor', () => {
    expect(kinds(round({ phase: 'closing', waitingFor: { code: 'closing-decision', label: '' } }), coordinator)).toEqual([
      'close',
      'cancel',
    ]);
    expect(kinds(round({ phase: 'monitoring', waitingFor: { code: 'reports', label: '' } }), coordinator)).toEqual([
      'pause-monitoring',
      'close',
      'cancel',
    ]);
    expect(kinds(round({ phase: 'paused' }), coordinator)).toEqual(['resume-monitoring', 'close', 'cancel']);
    expect(kinds(round({ phase: 'closed', status: 'completed' }), coordinator)).toEqual([]);
    expect(kinds(round({ waitingFor: { code: 'federal-response', label: '' } }), supervisor)).toEqual([]);
  });
});

describe('links into the Temporal UI', () => {
  const ui = { baseUrl: 'http://127.0.0.1:8233', namespace: 'default' };

  it('opens a participation’s own page, its id encoded', () => {
    expect(workflowLink(ui, 'wto-round/doha 2027')).toBe('http://127.0.0.1:8233/namespaces/default/workflows/wto-round%2Fdoha%202027');
    expect(workflowLink({ baseUrl: null, namespace: 'default' }, 'x')).toBeNull();
  });

  it('opens the list filtered on kind and phase', () => {
    const link = workflowListLink(ui, { kind: 'wto-round', phase: 'mandate-approval' })!;
    expect(decodeURIComponent(link.split('query=')[1])).toBe(
      'ExecutionStatus="Running" AND ParticipationKind="wto-round" AND Phase="mandate-approval"',
    );
  });
});
