import { validateOfficeRedeploymentInput } from './office-redeployment.contract';
import { workflowInputHeader as header, workflowInputTiming } from '../../test/helpers/kind-fixtures';

/** What the workflow says when another client (the temporal CLI, a script) starts it with a bad input. */
const sound = {
  ...header,
  kind: 'office-redeployment',
  action: 'move',
  officeCode: 'los-angeles',
  countryCode: 'us',
  rationale: 'Bail échu.',
  estimatedCost: 0,
  analystId: 'a',
  decisionApproverIds: ['dm'],
  preparations: [{ code: 'lease', area: 'premises', ownerId: 'o' }],
  effectiveDate: '2027-05-01T00:00:00Z',
  timing: { ...workflowInputTiming, federalResponseTimeoutMs: 1000, reviewDelayMs: 1000 },
};

describe('office-redeployment input checks', () => {
  it('accept a sound input and refuse a broken one, naming each problem', () => {
    expect(validateOfficeRedeploymentInput(sound as never)).toEqual([]);
    expect(
      validateOfficeRedeploymentInput({
        ...sound,
        action: 'rename',
        estimatedCost: -1,
        preparations: [{ code: 'lease', area: 'garden', ownerId: 'o' }],
        timing: { ...sound.timing, reviewDelayMs: undefined },
      } as never),
    ).toEqual([
      'action must be one of open, upgrade, move, close',
      'estimatedCost must be a non-negative number',
      'each item of preparations must be a premises or staffing step with an owner',
      'timing.reviewDelayMs must be a non-negative number',
    ]);
  });
});
