import { ApiError, placeErrors, refusalKey } from './api-error';

describe('API errors beside their fields', () => {
  const paths = [
    'title',
    'businessKey',
    'sessions',
    'sessions.0',
    'sessions.0.date',
    'issueAreas',
    'issueAreas.0',
    'issueAreas.0.expertId',
  ];

  it('places each error at the path it names, merging repeats', () => {
    const placed = placeErrors(
      {
        statusCode: 400,
        message: 'La requête contient des champs invalides.',
        errors: [
          { field: 'sessions.0.date', message: 'sessions.0.date doit être une date ISO 8601.' },
          { field: 'sessions.0.date', message: 'sessions.0.date doit être une date ISO 8601.' },
          { field: 'title', message: 'title ne doit pas être vide.' },
        ],
      },
      paths,
    );
    expect(placed.byField).toEqual({
      'sessions.0.date': ['sessions.0.date doit être une date ISO 8601.'],
      title: ['title ne doit pas être vide.'],
    });
    expect(placed.general).toEqual([]);
  });

  it('falls back to the nearest field shown, then above the form', () => {
    const placed = placeErrors(
      {
        errors: [
          { field: 'issueAreas.0.candidateGroup', message: 'one of expertId or candidateGroup' },
          { field: 'actorId', message: 'actorId should not exist' },
        ],
      },
      paths,
    );
    expect(placed.byField).toEqual({ 'issueAreas.0': ['one of expertId or candidateGroup'] });
    expect(placed.general).toEqual(['actorId should not exist']);
  });

  it('shows the message of an error that names no field (409 duplicate) above the form', () => {
    expect(placeErrors({ statusCode: 409, message: 'Participation « wto-round/x » déjà lancée.' }, paths)).toEqual({
      byField: {},
      general: ['Participation « wto-round/x » déjà lancée.'],
    });
  });

  it('says what a refusal means in words, never a bare status', () => {
    expect(refusalKey(new ApiError(403, null))).toBe('refusal.forbidden');
    expect(refusalKey(new ApiError(409, null))).toBe('refusal.conflict');
    expect(refusalKey(new ApiError(422, null))).toBe('refusal.unprocessable');
    expect(refusalKey(new ApiError(503, null))).toBe('refusal.unavailable');
    expect(refusalKey(new TypeError('fetch failed'))).toBe('refusal.network');
  });
});
