import { describeAction } from './describe-action';

describe('describeAction', () => {
  it('says a phase change with the phases in words', () => {
    expect(describeAction('fr', 'participation.phase', { from: 'federal-coordination', to: 'position-drafting' })).toBe(
      'Changement de phase : Coordination fédérale → Rédaction des positions',
    );
    expect(describeAction('en', 'participation.phase', { from: 'federal-coordination', to: 'position-drafting' })).toBe(
      'Phase change: Federal coordination → Position drafting',
    );
  });

  it('reads dates and decisions, and keeps identifiers as they are', () => {
    expect(describeAction('en', 'task.opened', { title: 'Debrief', assigneeId: 'expert-nguyen', dueAt: '2027-03-04T09:00:00.000Z' })).toBe(
      'Task opened: Debrief, assigned to expert-nguyen, due 2027-03-04 09:00 UTC',
    );
    expect(describeAction('fr', 'federal.response', { decision: 'granted' })).toBe('Réponse du gouvernement fédéral : accordée');
  });

  it('shows an action it has no sentence for as its code', () => {
    expect(describeAction('fr', 'task.claimed', {})).toBe('task.claimed');
  });
});
