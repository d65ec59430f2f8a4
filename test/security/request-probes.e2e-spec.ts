import { startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

/**
 * Requests that a probe got through (issue 18, round two): each is now
 * refused before anything starts, in words, naming what is wrong.
 */
describe('requests that used to get through', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({}, { worker: false });
  });
  afterAll(() => stack?.close());

  // The bytes as given: superagent would otherwise turn a Buffer into JSON of its own.
  const launch = (body: string | Buffer) =>
    stack
      .http()
      .post('/participations')
      .set('Content-Type', 'application/json')
      .serialize((raw: unknown) => raw as string)
      .send(body as string);

  it('refuses a body that is not UTF-8 (415), rather than storing U+FFFD in place of its bytes', async () => {
    const json = JSON.stringify(wtoLaunchBody({ title: 'TITLE' }));
    const [before, after] = json.split('TITLE');
    const body = Buffer.concat([Buffer.from(before), Buffer.from([0xff, 0xfe]), Buffer.from(after)]);
    const res = await launch(body).expect(415);
    expect(res.body).toMatchObject({ statusCode: 415, error: 'unsupported-media-type' });
    expect(res.body.message).toContain('UTF-8');
    // The same characters in UTF-8 are taken as sent.
    await launch(Buffer.from(json.replace('TITLE', 'ÿþ'))).expect(201);
  });

  it.each(['__proto__', 'constructor', 'toString'])('refuses the extra key %s like any field it does not accept', async (key) => {
    const json = JSON.stringify(wtoLaunchBody()).replace(/^\{/, `{"${key}":{"polluted":true},`);
    const res = await launch(json).expect(400);
    expect(res.body.errors).toEqual([{ field: key, constraint: 'whitelistValidation', message: `${key} n’est pas un champ accepté.` }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a title of spaces and tabs, as an empty one', async () => {
    const res = await launch(JSON.stringify(wtoLaunchBody({ title: ' \t \n ' }))).expect(400);
    expect(res.body.errors).toEqual([{ field: 'title', constraint: 'isNotEmpty', message: 'title ne doit pas être vide.' }]);
  });

  it('refuses a new round whose session is already past', async () => {
    const res = await launch(
      JSON.stringify(wtoLaunchBody({ sessions: [{ date: '2001-01-01T09:00:00Z', leadExpertId: 'expert-tremblay' }] })),
    ).expect(400);
    expect(res.body.errors).toEqual([
      { field: 'sessions.0.date', constraint: 'isFutureDate', message: 'sessions.0.date doit être une date future.' },
    ]);
  });

  it.each(['0x10', '1e2'])('refuses pageSize=%s: only decimal digits are a number', async (pageSize) => {
    const res = await stack.http().get(`/participations?pageSize=${pageSize}`).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'pageSize', constraint: 'isInt' })]);
  });
});
