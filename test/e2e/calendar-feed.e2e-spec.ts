import { participationApi } from '../helpers/participation-api';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';

/** The events of an iCalendar text (RFC 5545): folded lines joined, each VEVENT as its properties. */
function parseEvents(text: string): Array<Record<string, string>> {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0];
      current[name] = line.slice(colon + 1).replace(/\\([,;\\])/g, '$1');
    }
  }
  return events;
}

/** `2030-03-01T09:00:00.000Z` as iCalendar writes a UTC instant: `20300301T090000Z`. */
const icalInstant = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * The personal calendar feed: a person asks for their secret address, and any
 * calendar application reads it without a token: their open tasks at their due
 * dates, the sessions they attend. A new address replaces the old one; a
 * revoked one answers 404.
 */
describe('the personal calendar feed (text/calendar)', () => {
  let stack: TestStack;
  const expert = `expert-agenda-${Date.now().toString(36)}`;

  beforeAll(async () => {
    stack = await startTestStack({ TASK_DUE_AFTER: '2 days' });
    await stack.addPeople([expert], ['expert']);
  });
  afterAll(async () => stack?.close());

  it('lists the person’s due dates and the sessions they lead, at a secret address that can be replaced and revoked', async () => {
    const api = participationApi(stack);
    const businessKey = `agenda-${Date.now()}`;
    const launched = await api.launch({
      kind: 'wto-round',
      businessKey,
      title: `Ronde de l’agenda ${businessKey}`,
      forum: 'wto',
      coordinatorId: 'coord-lavoie',
      issueAreas: [{ area: 'agriculture', expertId: expert }],
      mandateApproverIds: ['dm-international'],
      sessions: [{ date: '2030-03-01T09:00:00Z', leadExpertId: expert }],
    });
    await api.waitForPhase(launched.id, 'federal-coordination');
    await stack.http('coord-lavoie').post(`/participations/${launched.id}/federal-response`).send({ decision: 'granted' }).expect(200);
    const [task] = await api.waitForOpenTasks(launched.id, 'position', 1);

    const created = await stack.http(expert).post('/me/calendar-feed').expect(201);
    expect(created.body.path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    expect(created.body.url).toBe(`${stack.config.publicBaseUrl}${created.body.path}`);

    // A calendar application sends no token.
    const feed = await eventually(async () => {
      const res = await stack.http(null).get(created.body.path).expect(200);
      return parseEvents(res.text).length === 2 ? res : undefined;
    });
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const events = parseEvents(feed.text);
    expect(events).toContainEqual(
      expect.objectContaining({
        UID: `task-${task.id}@participation-engine`,
        SUMMARY: `Échéance : ${task.title}`,
        DTEND: icalInstant(new Date(task.dueAt).toISOString()),
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ SUMMARY: 'Session de négociation s1 (2030-03-01)', DTSTART: '20300301T090000Z' }),
    );
    // Someone else's work is not in it.
    expect(feed.text).not.toContain('expert-tremblay');

    // A new address replaces the old one, which then answers 404 in words; revoking closes the new one too.
    const renewed = await stack.http(expert).post('/me/calendar-feed').expect(201);
    expect(renewed.body.path).not.toBe(created.body.path);
    const gone = await stack.http(null).get(created.body.path).set('Accept-Language', 'en').expect(404);
    expect(gone.body.message).toBe('This calendar was not found: its address was replaced or revoked.');
    await stack.http(null).get(renewed.body.path).expect(200);
    await stack.http(expert).delete('/me/calendar-feed').expect(204);
    await stack.http(null).get(renewed.body.path).expect(404);
    await stack.http(null).get('/calendar/not-a-secret').expect(404);
    // Only a signed-in person asks for an address.
    await stack.http(null).post('/me/calendar-feed').expect(401);
  });
});
