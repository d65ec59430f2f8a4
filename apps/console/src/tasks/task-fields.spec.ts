import type { Me, TaskItem } from '../api/types';
import { canClaim, canComplete, canDecline, canUnclaim, deliverableBody, taskFieldInputs } from './task-fields';

const task = (over: Partial<TaskItem>): TaskItem => ({
  id: 't1',
  participationId: 'p1',
  workflowId: 'wto-round/x',
  kind: 'position',
  title: 'Position',
  instructions: '',
  assigneeId: 'expert-tremblay',
  candidateGroup: null,
  dueAt: '2027-01-01T00:00:00Z',
  priority: 'normal',
  status: 'open',
  overdue: false,
  deliverable: null,
  createdAt: '2027-01-01T00:00:00Z',
  completedAt: null,
  ...over,
});
const tremblay: Me = { id: 'expert-tremblay', roles: ['expert'], groups: ['wto-experts'] };

describe('a task’s required fields as typed inputs', () => {
  it('types yes/no, a status from its list, a person, a date and free text', () => {
    expect(
      taskFieldInputs({
        attended: { type: 'choice', values: ['yes', 'no'] },
        status: { type: 'choice', values: ['no-change', 'in-process', 'declined'] },
        delegateId: { type: 'person' },
        startsAt: { type: 'date' },
        organization: { type: 'text' },
      }),
    ).toEqual([
      { name: 'attended', type: 'yes-no' },
      { name: 'status', type: 'choice', options: ['no-change', 'in-process', 'declined'] },
      { name: 'delegateId', type: 'person' },
      { name: 'startsAt', type: 'date' },
      { name: 'organization', type: 'text' },
    ]);
    expect(taskFieldInputs(undefined)).toEqual([]);
  });

  it('puts the fields in the deliverable, leaving empty ones out', () => {
    expect(
      deliverableBody(task({ kind: 'attendance' }), { summary: ' Présent. ', notes: '', fields: { attended: 'yes', other: ' ' } }),
    ).toEqual({
      deliverable: { summary: 'Présent.', fields: { attended: 'yes' } },
    });
    expect(
      deliverableBody(task({ kind: 'approval' }), { summary: '', notes: '', fields: { decision: 'revise', comments: 'Chiffrer.' } }),
    ).toEqual({
      deliverable: { summary: 'Chiffrer.', fields: { decision: 'revise', comments: 'Chiffrer.' } },
    });
  });
});

describe('who may act on a task', () => {
  it('offers claiming only on an unheld group task of one of my groups', () => {
    expect(canClaim(task({ assigneeId: null, candidateGroup: 'wto-experts' }), tremblay)).toBe(true);
    expect(canClaim(task({}), tremblay)).toBe(false);
    expect(canClaim(task({ assigneeId: null, candidateGroup: 'unesco-experts' }), tremblay)).toBe(false);
    expect(canClaim(task({ assigneeId: 'expert-tremblay', candidateGroup: 'wto-experts', status: 'claimed' }), tremblay)).toBe(false);
  });

  it('lets the assignee complete, and give back a group task they claimed', () => {
    expect(canComplete(task({}), tremblay)).toBe(true);
    expect(canComplete(task({ assigneeId: null, candidateGroup: 'wto-experts' }), tremblay)).toBe(false);
    expect(canComplete(task({ status: 'completed' }), tremblay)).toBe(false);
    expect(canUnclaim(task({ status: 'claimed', candidateGroup: 'wto-experts' }), tremblay)).toBe(true);
    expect(canUnclaim(task({ status: 'claimed' }), tremblay)).toBe(false);
  });

  it('lets the assignee decline a piece of work, never a decision (an approval, a closing)', () => {
    expect(canDecline(task({}), tremblay)).toBe(true);
    expect(canDecline(task({ kind: 'approval' }), tremblay)).toBe(false);
    expect(canDecline(task({ kind: 'closing' }), tremblay)).toBe(false);
  });
});
