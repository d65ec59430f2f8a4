import { validateRegionalForumInput } from './regional-forum.contract';
import { workflowInputHeader as header, workflowInputTiming as timing } from '../../test/helpers/kind-fixtures';

/** What the workflow says when another client (the temporal CLI, a script) starts it with a bad input. */
const far = '2900-01-01T00:00:00Z';

describe('regional-forum input checks', () => {
  it('accept a sound input and refuse a broken one, naming each problem', () => {
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
      validateRegionalForumInput({ ...header, kind: 'regional-forum', sessionDate: far, briefingAuthorId: 'x', timing } as never),
    ).toEqual(['sessionDate must be an ISO date within a century']);
  });
});
