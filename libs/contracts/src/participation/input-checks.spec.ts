import { checkParticipationInput } from './input-checks';

/** What a workflow says when another client (the temporal CLI, a script) starts it with a bad input. */
describe('workflow input checks', () => {
  const header = {
    participationId: '5f0c1f8e-2b7a-4c1e-9d3a-6a1b2c3d4e5f',
    businessKey: 'key',
    title: 'Titre',
    forum: 'aer',
    coordinatorId: 'coord',
    locale: 'fr',
    launchedAt: '2027-01-01T00:00:00Z',
  };

  it('name every missing header field, the kind and the locale at once', () => {
    expect(checkParticipationInput({ kind: 'other-kind', locale: 'de' }, 'demo-kind').problems).toEqual([
      'participationId must be a non-empty string',
      'businessKey must be a non-empty string',
      'title must be a non-empty string',
      'forum must be a non-empty string',
      'coordinatorId must be a non-empty string',
      'launchedAt must be a non-empty string',
      'kind must be demo-kind',
      'locale must be fr or en',
    ]);
    expect(checkParticipationInput(undefined, 'demo-kind').problems).toEqual(['input must be an object']);
  });

  it('accept a sound header', () => {
    expect(checkParticipationInput({ ...header, kind: 'demo-kind' }, 'demo-kind').problems).toEqual([]);
  });
});
