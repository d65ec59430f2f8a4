import { validateBilateralMissionInput } from './bilateral-mission.contract';
import { workflowInputHeader as header, workflowInputTiming } from '../../test/helpers/kind-fixtures';

/** What the workflow says when another client (the temporal CLI, a script) starts it with a bad input. */
const sound = {
  ...header,
  kind: 'bilateral-mission',
  direction: 'incoming',
  countryCode: 'us',
  federatedStateCode: 'us-ny',
  delegationIds: ['coord'],
  meetings: [{ code: 'governor', briefingAuthorId: 'x' }],
  missionDate: '2027-05-01T00:00:00Z',
  followUpActions: [{ action: 'visit', ownerId: 'y', dueAt: '2027-06-01T00:00:00Z' }],
  agreement: { kind: 'k', workflowType: 'w', timing: {}, followUpReports: 1 },
  timing: { ...workflowInputTiming, federalResponseTimeoutMs: 1000 },
};

describe('bilateral-mission input checks', () => {
  it('accept a sound input and refuse a broken one, naming each problem', () => {
    expect(validateBilateralMissionInput(sound as never)).toEqual([]);
    expect(
      validateBilateralMissionInput({
        ...sound,
        direction: 'sideways',
        meetings: [],
        followUpActions: [{ action: 'visit', ownerId: 'y' }],
        agreement: undefined,
      } as never),
    ).toEqual([
      'direction must be one of outgoing, incoming',
      'meetings must list at least 1 item(s)',
      'each item of followUpActions must be an action with an owner and a due date',
      'agreement must name the kind to start',
    ]);
  });
});
