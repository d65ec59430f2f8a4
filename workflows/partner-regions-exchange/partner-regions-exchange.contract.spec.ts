import { proposalProblems, validatePartnerRegionsExchangeInput } from './partner-regions-exchange.contract';
import { workflowInputHeader as header, workflowInputTiming } from '../../test/helpers/kind-fixtures';

/** What the workflow says when another client (the temporal CLI, a script) starts it with a bad input, or a proposal is wrong. */
const sound = {
  ...header,
  kind: 'partner-regions-exchange',
  themes: ['educational'],
  closesAt: '2027-05-01T00:00:00Z',
  screenerId: 's',
  selectionCommitteeIds: ['dm'],
  projectYears: 2,
  timing: { ...workflowInputTiming, projectYearMs: 1000, cyclesPerRun: 2 },
};

describe('partner-regions-exchange input checks', () => {
  it('accept a sound call and refuse a broken one, naming each problem', () => {
    expect(validatePartnerRegionsExchangeInput(sound as never)).toEqual([]);
    expect(validatePartnerRegionsExchangeInput({ ...sound, themes: ['military'], projectYears: 0 } as never)).toEqual([
      'projectYears must be a positive integer',
      'themes must list some of educational, environmental, scientific, technological',
    ]);
  });

  it('say what is wrong with a proposal', () => {
    const proposal = { code: 'water', title: 't', theme: 'educational', summary: 's', partnerId: 'p', organization: 'o' };
    expect(proposalProblems(['educational'], proposal)).toEqual([]);
    expect(proposalProblems(['educational'], { ...proposal, code: 'Water', theme: 'scientific', organization: ' ' })).toEqual([
      'code must be a lower-case slug',
      'theme must be one of educational',
      'organization must be a non-empty string',
    ]);
  });
});
