import { validateExpertTaskForceInput } from '../expert-task-force/expert-task-force.contract';
import { validateCanadaEuInput } from '../canada-eu-negotiation/canada-eu-negotiation.contract';
import { validateInternPlacementInput } from '../intern-placement/intern-placement.contract';
import { validateRatificationCampaignInput } from '../ratification-campaign/ratification-campaign.contract';
import { validateRegionalForumInput } from '../regional-forum/regional-forum.contract';
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
    expect(checkParticipationInput({ kind: 'wto-round', locale: 'de' }, 'regional-forum').problems).toEqual([
      'participationId must be a non-empty string',
      'businessKey must be a non-empty string',
      'title must be a non-empty string',
      'forum must be a non-empty string',
      'coordinatorId must be a non-empty string',
      'launchedAt must be a non-empty string',
      'kind must be regional-forum',
      'locale must be fr or en',
    ]);
    expect(checkParticipationInput(undefined, 'regional-forum').problems).toEqual(['input must be an object']);
  });

  it('accept a sound input and refuse a broken one, per kind', () => {
    const timing = { taskDueMs: 1000, taskReminderBeforeMs: 0 };
    expect(
      validateRegionalForumInput({
        ...header,
        kind: 'regional-forum',
        sessionDate: '2027-05-01T00:00:00Z',
        briefingAuthorId: 'x',
        timing,
      } as never),
    ).toEqual([]);
    expect(
      validateRegionalForumInput({ ...header, forum: 'g7', kind: 'regional-forum', sessionDate: 'soon', timing: {} } as never),
    ).toEqual([
      'briefingAuthorId must be a non-empty string',
      'sessionDate must be an ISO date within a century',
      'forum must be one of aer, regleg, partner-regions',
      'timing.taskDueMs must be a non-negative number',
      'timing.taskReminderBeforeMs must be a non-negative number',
    ]);
    expect(
      validateCanadaEuInput({
        ...header,
        kind: 'canada-eu-negotiation',
        chapters: [{ chapter: 'culture' }],
        consultation: [],
        mandateApproverIds: ['a'],
        timing: { ...timing, consultationMs: 1 },
      } as never),
    ).toEqual(['each item of chapters must be a chapter with an expertId']);
    expect(
      validateRatificationCampaignInput({
        ...header,
        kind: 'ratification-campaign',
        convention: 'c',
        targets: [{ country: 'br', liaisonId: 'l' }],
        targetCount: 2,
        endsAt: '2027-01-01T00:00:00Z',
        timing: { ...timing, followUpMs: 1 },
      } as never),
    ).toEqual(['targetCount must not exceed the number of targets']);
    expect(
      validateInternPlacementInput({
        ...header,
        kind: 'intern-placement',
        internId: 'i',
        screeningGroup: 'g',
        preDeparture: [],
        placementStartsAt: '2027-02-01T00:00:00Z',
        placementEndsAt: '2027-01-01T00:00:00Z',
        timing: { ...timing, offerDeadlineMs: 1 },
      } as never),
    ).toEqual(['placementEndsAt must follow placementStartsAt']);
  });

  it('refuse dates a timer could never wait for, in every kind (not only the WTO round)', () => {
    const timing = { taskDueMs: 1000, taskReminderBeforeMs: 0 };
    const far = '2900-01-01T00:00:00Z';
    expect(
      validateRegionalForumInput({ ...header, kind: 'regional-forum', sessionDate: far, briefingAuthorId: 'x', timing } as never),
    ).toEqual(['sessionDate must be an ISO date within a century']);
    expect(
      validateExpertTaskForceInput({
        ...header,
        kind: 'expert-task-force',
        expertId: 'e',
        nominationApproverIds: ['a'],
        meetings: [{ date: far }],
        reportCount: 1,
        timing: { ...timing, federalResponseTimeoutMs: 1 },
      } as never),
    ).toEqual(['each item of meetings must be a date']);
  });
});
