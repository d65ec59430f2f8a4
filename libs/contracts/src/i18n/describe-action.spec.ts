import { describeAction as sayAction } from './describe-action';
import { kitMessages } from './translate';

const describeAction = (locale: 'fr' | 'en', action: string, params: Record<string, unknown>) =>
  sayAction(kitMessages, locale, action, params);

describe('describeAction', () => {
  it('says a phase change with the phases in words', () => {
    expect(describeAction('fr', 'participation.phase', { from: 'launched', to: 'closing' })).toBe(
      'Changement de phase : Lancement → Clôture',
    );
    expect(describeAction('en', 'participation.phase', { from: 'launched', to: 'closing' })).toBe('Phase change: Launch → Closing');
  });

  it('reads dates and decisions, and keeps identifiers as they are', () => {
    expect(describeAction('en', 'task.opened', { title: 'Debrief', assigneeId: 'expert-nguyen', dueAt: '2027-03-04T09:00:00.000Z' })).toBe(
      'Task opened: Debrief, assigned to expert-nguyen, due 2027-03-04 09:00 UTC',
    );
    expect(describeAction('fr', 'federal.response', { decision: 'granted' })).toBe('Réponse du gouvernement fédéral : accordée');
  });

  it('shows an action it has no sentence for as its code', () => {
    expect(describeAction('fr', 'task.teleported', {})).toBe('task.teleported');
  });
});
