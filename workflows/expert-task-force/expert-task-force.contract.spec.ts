import { validateExpertTaskForceInput } from './expert-task-force.contract';
import { workflowInputHeader as header, workflowInputTiming as timing } from '../../test/helpers/kind-fixtures';

/** What the workflow says when another client (the temporal CLI, a script) starts it with a bad input. */
const far = '2900-01-01T00:00:00Z';

describe('expert-task-force input checks', () => {
  it('accept a sound input and refuse a broken one, naming each problem', () => {
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
