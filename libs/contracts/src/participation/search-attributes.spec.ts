import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTICIPATION_SEARCH_ATTRIBUTES, searchAttributeCliArgs } from './search-attributes';

describe('custom search attributes', () => {
  it('are the seven of the design, with their types, in the dev server flag format', () => {
    expect(searchAttributeCliArgs()).toEqual([
      'ParticipationKind=Keyword',
      'Forum=Keyword',
      'Phase=Keyword',
      'Coordinator=Keyword',
      'AssignedExperts=KeywordList',
      'NextDeadline=Datetime',
      'OverdueTasks=Int',
    ]);
  });

  it('are all listed in the design document supervisors read', () => {
    const designPath = join(__dirname, '../../../../../shared/design.md');
    let design: string;
    try {
      design = readFileSync(designPath, 'utf8');
    } catch {
      // shared/ sits beside the checkout in CI and in sessions; a lone clone has no design file to compare with.
      return;
    }
    for (const key of PARTICIPATION_SEARCH_ATTRIBUTES) expect(design).toContain(`\`${key.name}\``);
  });
});
