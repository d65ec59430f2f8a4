import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS_WITH_SESSIONS, PARTICIPATION_KINDS } from '../registry-lookups';

/**
 * The API sends session signals only to kinds whose definition says `sessions: true`;
 * that must be exactly the kinds whose workflow builds a SessionCalendar, or a new
 * kind's sessions could not be moved (or another's would swallow signals).
 */
describe('kinds with a session calendar', () => {
  it('are the ones the API lets move and cancel sessions', () => {
    const root = join(__dirname, '..');
    const withCalendar = PARTICIPATION_KINDS.filter((kind) =>
      readdirSync(join(root, kind))
        .filter((file) => file.endsWith('.workflow.ts'))
        .some((file) => readFileSync(join(root, kind, file), 'utf8').includes('new SessionCalendar(')),
    );
    expect([...KINDS_WITH_SESSIONS].sort()).toEqual([...withCalendar].sort());
  });
});
