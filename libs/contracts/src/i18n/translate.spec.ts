import { en, fr } from './kit-strings';
import { defineStrings, Messages } from './strings';
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

  it('says a key no set holds as itself, and a kind’s words beside the kit’s', () => {
    expect(translate('fr', 'nothing.here' as never)).toBe('nothing.here');
    const kind = defineStrings({ fr: { 'kind.demo': 'Démo {n}' }, en: { 'kind.demo': 'Demo {n}' } });
    const messages = new Messages({ fr, en }).with(kind);
    expect(messages.t('en', 'kind.demo', { n: 2 })).toBe('Demo 2');
    expect(messages.t('fr', 'entity.task')).toBe('La tâche');
    expect(messages.has('kind.demo')).toBe(true);
  });
});
