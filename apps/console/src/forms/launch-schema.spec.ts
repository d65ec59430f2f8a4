import { fieldPaths, initialValues, launchForms, toLaunchBody, type OpenApiDocument } from './launch-schema';

/** The shapes @nestjs/swagger writes for the launch DTOs (trimmed from /docs-json). */
const document: OpenApiDocument = {
  components: {
    schemas: {
      IssueAreaDto: {
        type: 'object',
        properties: { area: { type: 'string', example: 'agriculture' }, expertId: { type: 'string' }, candidateGroup: { type: 'string' } },
        required: ['area'],
      },
      SessionDto: {
        type: 'object',
        properties: { date: { type: 'string', example: '2027-03-01T09:00:00Z' }, leadExpertId: { type: 'string' } },
        required: ['date', 'leadExpertId'],
      },
      LaunchWtoRoundDto: {
        type: 'object',
        properties: {
          businessKey: { type: 'string', example: 'ceta-2027' },
          title: { type: 'string' },
          coordinatorId: { type: 'string' },
          kind: { type: 'string', enum: ['wto-round'] },
          issueAreas: { type: 'array', items: { $ref: '#/components/schemas/IssueAreaDto' } },
          mandateApproverIds: { type: 'array', items: { type: 'string' } },
          sessions: { type: 'array', items: { $ref: '#/components/schemas/SessionDto' } },
        },
        required: ['businessKey', 'title', 'coordinatorId', 'kind', 'issueAreas', 'mandateApproverIds', 'sessions'],
      },
      LaunchWashingtonWatchDto: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: ['washington-watch'] },
          institutions: { type: 'array', items: { type: 'string', enum: ['oas', 'world-bank'] } },
          reportCount: { type: 'number', minimum: 1, maximum: 20 },
          forum: { type: 'string', enum: ['aer', 'regleg'] },
          notes: { type: 'string' },
          nominee: { type: 'string', 'x-person': { role: 'expert,coordinator' } },
          office: { type: 'string', 'x-reference': 'offices' },
          important: { type: 'boolean', example: false },
        },
        required: ['kind', 'institutions', 'reportCount', 'forum', 'important'],
      },
      CancelParticipationDto: { type: 'object', properties: { reason: { type: 'string' } } },
    },
  },
};

describe('launch forms from the OpenAPI schema', () => {
  const forms = launchForms(document);
  const wto = forms.find((f) => f.kind === 'wto-round')!;

  it('draws a field that names a reference list as a picker of that list, an enum still as a choice', () => {
    const watch = forms.find((f) => f.kind === 'washington-watch')!;
    expect(watch.fields.find((f) => f.name === 'office')).toMatchObject({ type: 'reference', list: 'offices' });
    expect(watch.fields.find((f) => f.name === 'forum')).toMatchObject({ type: 'choice' });
  });

  it('makes one form per launch DTO, named by its kind, without the kind field', () => {
    expect(forms.map((f) => f.kind)).toEqual(['wto-round', 'washington-watch']);
    expect(wto.fields.map((f) => f.name)).toEqual([
      'businessKey',
      'title',
      'coordinatorId',
      'issueAreas',
      'mandateApproverIds',
      'sessions',
    ]);
  });

  it('types each field: people, people lists, repeated sections, date-times, choices, numbers, yes-no', () => {
    const byName = Object.fromEntries(wto.fields.map((f) => [f.name, f]));
    expect(byName.coordinatorId).toMatchObject({ type: 'person', role: 'coordinator', required: true });
    expect(byName.mandateApproverIds).toMatchObject({ type: 'person-list', role: 'coordinator' });
    expect(byName.issueAreas).toMatchObject({ type: 'group' });
    const sessions = byName.sessions;
    expect(sessions.type === 'group' && sessions.itemFields.map((f) => [f.name, f.type])).toEqual([
      ['date', 'datetime'],
      ['leadExpertId', 'person'],
    ]);
    const watch = forms[1].fields;
    expect(watch.map((f) => f.type)).toEqual(['multi-choice', 'number', 'choice', 'text', 'person', 'reference', 'boolean']);
    // The API's @PersonRef says who may be picked, whatever the field's name.
    expect(watch[4]).toMatchObject({ name: 'nominee', role: 'expert,coordinator' });
    expect(watch[1]).toMatchObject({ min: 1, max: 20 });
  });

  it('starts required repeated sections with one item and builds a body the API takes', () => {
    const values = initialValues(wto.fields, { coordinatorId: 'coord-lavoie' });
    expect(values.issueAreas).toEqual([{ area: '', expertId: '', candidateGroup: '' }]);
    values.businessKey = ' doha-2027 ';
    values.title = 'Doha';
    values.issueAreas = [{ area: 'agriculture', expertId: 'expert-tremblay', candidateGroup: '' }];
    values.mandateApproverIds = ['dm-international', ' '];
    values.sessions = [];
    expect(toLaunchBody('wto-round', wto.fields, values)).toEqual({
      kind: 'wto-round',
      businessKey: 'doha-2027',
      title: 'Doha',
      coordinatorId: 'coord-lavoie',
      issueAreas: [{ area: 'agriculture', expertId: 'expert-tremblay' }],
      mandateApproverIds: ['dm-international'],
      sessions: [],
    });
    const watch = forms[1];
    expect(watch.fields.find((f) => f.name === 'important')).toMatchObject({ type: 'boolean', required: true });
    expect(
      toLaunchBody('washington-watch', watch.fields, {
        institutions: ['oas'],
        reportCount: '3',
        forum: 'aer',
        notes: '',
        important: 'yes',
      }),
    ).toEqual({
      kind: 'washington-watch',
      institutions: ['oas'],
      reportCount: 3,
      forum: 'aer',
      important: true,
    });
  });

  it('lists the paths an API error may name, down to each item of a section', () => {
    const values = initialValues(wto.fields);
    values.sessions = [{ date: '', leadExpertId: '' }];
    expect(fieldPaths(wto.fields, values)).toEqual(
      expect.arrayContaining(['title', 'issueAreas', 'issueAreas.0', 'issueAreas.0.expertId', 'sessions.0', 'sessions.0.date']),
    );
  });
});
