import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { LaunchWtoRoundDto } from '../../workflows/wto-round/wto-round.launch';
import { chainRoundBody, MAX_SESSIONS, waitingRoundBody } from './fixtures';

/*
 * The bench launches what a coordinator could launch: a body the API refuses
 * (a session already past, once sessions had to lie ahead) would stop the bench
 * only when someone runs it, long after the rule changed.
 */
describe('bench launch bodies', () => {
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
