import { en } from './messages.en';
import { fr } from './messages.fr';
import { hasMessage, translate } from './translate';

describe('translate', () => {
  it('fills placeholders in the chosen language', () => {
    expect(translate('fr', 'error.duplicateParticipation', { workflowId: 'wto-round/x' })).toBe(
      'La participation « wto-round/x » a déjà été lancée.',
    );
    expect(translate('en', 'error.duplicateParticipation', { workflowId: 'wto-round/x' })).toBe(
      'Participation "wto-round/x" has already been launched.',
    );
  });

  it('leaves an unknown placeholder visible rather than inventing a value', () => {
    expect(translate('en', 'error.notFound', { entity: 'Task' })).toBe('Task "{id}" was not found.');
  });

  it('has every French key in English, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect({ key, placeholders: placeholders(en[key]) }).toEqual({ key, placeholders: placeholders(fr[key]) });
    }
  });

  it('knows which strings are message keys', () => {
    expect(hasMessage('entity.task')).toBe(true);
    expect(hasMessage('nothing.here')).toBe(false);
  });
});
