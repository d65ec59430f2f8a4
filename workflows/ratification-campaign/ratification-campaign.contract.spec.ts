import { validateRatificationCampaignInput } from './ratification-campaign.contract';
import { workflowInputHeader as header, workflowInputTiming as timing } from '../../test/helpers/kind-fixtures';

/** What the workflow says when another client (the temporal CLI, a script) starts it with a bad input. */

describe('ratification-campaign input checks', () => {
  it('accept a sound input and refuse a broken one, naming each problem', () => {
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
  });
});
