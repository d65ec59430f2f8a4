import { validateCanadaEuInput } from './canada-eu-negotiation.contract';
import { workflowInputHeader as header, workflowInputTiming as timing } from '../../test/helpers/kind-fixtures';

/** What the workflow says when another client (the temporal CLI, a script) starts it with a bad input. */

describe('canada-eu-negotiation input checks', () => {
  it('accept a sound input and refuse a broken one, naming each problem', () => {
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
  });
});
