import { DEMO_GROUPS, DEMO_PEOPLE } from './demo-people';

describe('the demo cast', () => {
  it('names only groups of the demo directory, and gives every group at least two active members', () => {
    const codes = DEMO_GROUPS.map((g) => g.code);
    const named = DEMO_PEOPLE.flatMap((p) => p.groups ?? []);
    expect(named.filter((code) => !codes.includes(code))).toEqual([]);
    for (const code of codes) {
      const members = DEMO_PEOPLE.filter((p) => p.active !== false && p.groups?.includes(code));
      expect({ code, enough: members.length >= 2 }).toEqual({ code, enough: true });
    }
  });
});
