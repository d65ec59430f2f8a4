import { validateInternationalAgreementInput } from './international-agreement.contract';
import { workflowInputHeader as header, workflowInputTiming } from '../../test/helpers/kind-fixtures';

/** What the workflow says when another client (the temporal CLI, a script) starts it with a bad input. */
const timing = { ...workflowInputTiming, federalResponseTimeoutMs: 1000, reportPeriodMs: 1000, cyclesPerRun: 2 };
const sound = {
  ...header,
  kind: 'international-agreement',
  counterpartType: 'foreign-state',
  counterpartCode: 'fr',
  mandateApproverIds: ['dm'],
  negotiatorId: 'n',
  legalAdvisorId: 'l',
  rounds: [{ date: '2027-05-01T00:00:00Z' }],
  signatureDate: '2027-06-01T00:00:00Z',
  important: false,
  followUpReports: 2,
  timing,
};

describe('international-agreement input checks', () => {
  it('accept a sound input and refuse a broken one, naming each problem', () => {
    expect(validateInternationalAgreementInput(sound as never)).toEqual([]);
    expect(
      validateInternationalAgreementInput({
        ...sound,
        counterpartType: 'city',
        rounds: [{ date: 'soon' }],
        important: 'yes',
        followUpReports: 0,
        timing: { ...timing, reportPeriodMs: -1 },
      } as never),
    ).toEqual([
      'counterpartType must be one of foreign-state, federated-state, international-organization',
      'each item of rounds must be a date',
      'important must be true or false',
      'followUpReports must be a positive integer',
      'timing.reportPeriodMs must be a non-negative number',
    ]);
  });
});
