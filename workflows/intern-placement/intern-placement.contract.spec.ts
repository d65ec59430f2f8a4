import { validateInternPlacementInput } from './intern-placement.contract';
import { workflowInputHeader as header, workflowInputTiming as timing } from '../../test/helpers/kind-fixtures';

/** What the workflow says when another client (the temporal CLI, a script) starts it with a bad input. */

describe('intern-placement input checks', () => {
  it('accept a sound input and refuse a broken one, naming each problem', () => {
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
});
