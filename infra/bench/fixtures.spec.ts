import { plainToInstance } from 'class-transformer';
import { useContainer, validate } from 'class-validator';
import { SEED_COUNTRIES, SEED_FORUMS, SEED_OFFICES } from '../../libs/persistence/src/seed/reference-data';
import type { ReferenceCodeLookup, ReferenceList } from '../../libs/validation/src/reference-code';
import { LaunchWtoRoundDto } from '../../workflows/wto-round/wto-round.launch';
import { chainRoundBody, MAX_SESSIONS, waitingRoundBody } from './fixtures';

/*
 * The bench launches what a coordinator could launch: a body the API refuses
 * (a session already past, once sessions had to lie ahead) would stop the bench
 * only when someone runs it, long after the rule changed.
 */
/** The reference lists as every new database has them (the bench's is new): the codes the bench names must be there. */
const SEEDED: Record<ReferenceList, string[]> = {
  forums: SEED_FORUMS.map(([code]) => code),
  countries: SEED_COUNTRIES.map(([code]) => code),
  offices: SEED_OFFICES.map(([code]) => code),
};
const seededLookup: ReferenceCodeLookup = { allActive: (list, codes) => Promise.resolve(codes.every((c) => SEEDED[list].includes(c))) };

describe('bench launch bodies', () => {
  beforeAll(() => {
    // In the API, class-validator builds constraints through Nest, which injects the database lookup.
    useContainer(
      { get: (constraint: new (lookup: ReferenceCodeLookup) => unknown) => new constraint(seededLookup) },
      { fallbackOnErrors: true },
    );
  });
  const problems = async (body: object) =>
    (await validate(plainToInstance(LaunchWtoRoundDto, body), { whitelist: true, forbidNonWhitelisted: true })).map((e) => e.property);

  it('are valid WTO round launches, the longest chain included', async () => {
    expect(await problems(waitingRoundBody('bench-waiting'))).toEqual([]);
    expect(await problems(chainRoundBody('bench-chain', ['expert-a', 'expert-b', 'expert-c'], MAX_SESSIONS))).toEqual([]);
  });

  it('puts a chain’s sessions ahead, in the order given, a millisecond apart', () => {
    const now = Date.parse('2027-01-01T00:00:00Z');
    const dates = chainRoundBody('bench-chain', ['a', 'b'], 3, now).sessions.map((s) => Date.parse(s.date) - now);
    expect(dates[0]).toBeGreaterThan(0);
    expect(dates).toEqual([dates[0], dates[0] + 1, dates[0] + 2]);
  });
});
