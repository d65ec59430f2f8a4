import { defaultPayloadConverter } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils';
import { msToTs } from '@temporalio/common/lib/time';
import { historyEntries } from './history-entries';

const time = (iso: string) => msToTs(Date.parse(iso));
/** A summary as Temporal stores it: a payload. */
const summary = (value: string) => ({ summary: defaultPayloadConverter.toPayload(value) });

describe('historyEntries', () => {
  it('says what only the history knows: timers with their summaries, children, a termination and who did it', () => {
    // Event ids are Longs on the wire; plain numbers here, as the code only compares them as strings.
    const history = {
      events: [
        { eventId: 1, eventTime: time('2027-03-01T09:00:00Z'), workflowExecutionStartedEventAttributes: { identity: 'api@host' } },
        {
          eventId: 5,
          eventTime: time('2027-03-01T09:00:01Z'),
          activityTaskScheduledEventAttributes: { activityType: { name: 'openTask' } },
        },
        {
          eventId: 7,
          eventTime: time('2027-03-01T09:00:02Z'),
          timerStartedEventAttributes: { timerId: '1', startToFireTimeout: msToTs('3600s') },
          userMetadata: summary('Échéance : Position sur « agriculture », le 2027-03-01 10:00 UTC'),
        },
        {
          eventId: 8,
          eventTime: time('2027-03-01T09:00:03Z'),
          timerStartedEventAttributes: { timerId: '2', startToFireTimeout: msToTs('60s') },
        },
        { eventId: 9, eventTime: time('2027-03-01T10:00:02Z'), timerFiredEventAttributes: { timerId: '1', startedEventId: 7 } },
        {
          eventId: 10,
          eventTime: time('2027-03-01T10:00:03Z'),
          childWorkflowExecutionStartedEventAttributes: { workflowExecution: { workflowId: 'ratification-campaign/x/fr' } },
        },
        {
          eventId: 11,
          eventTime: time('2027-03-01T10:00:04Z'),
          childWorkflowExecutionCompletedEventAttributes: { workflowExecution: { workflowId: 'ratification-campaign/x/fr' } },
        },
        {
          eventId: 12,
          eventTime: time('2027-03-01T11:00:00Z'),
          workflowExecutionTerminatedEventAttributes: { reason: 'oops', identity: 'webui' },
        },
      ],
    } as unknown as History;

    expect(
      historyEntries(history, 'fr').map(({ at: when, type, text: said, actorId, note }) => ({ when, type, said, actorId, note })),
    ).toEqual([
      {
        when: '2027-03-01T09:00:00.000Z',
        type: 'workflow.started',
        said: 'Workflow démarré dans Temporal',
        actorId: 'api@host',
        note: null,
      },
      {
        when: '2027-03-01T09:00:02.000Z',
        type: 'timer.started',
        said: 'Minuterie armée : Échéance : Position sur « agriculture », le 2027-03-01 10:00 UTC',
        actorId: 'workflow',
        note: null,
      },
      {
        when: '2027-03-01T09:00:03.000Z',
        type: 'timer.started',
        said: 'Minuterie armée jusqu’au 2027-03-01 09:01 UTC',
        actorId: 'workflow',
        note: null,
      },
      {
        when: '2027-03-01T10:00:02.000Z',
        type: 'timer.fired',
        said: 'Minuterie échue : Échéance : Position sur « agriculture », le 2027-03-01 10:00 UTC',
        actorId: 'workflow',
        note: null,
      },
      {
        when: '2027-03-01T10:00:03.000Z',
        type: 'child.started',
        said: 'Sous-processus démarré : ratification-campaign/x/fr',
        actorId: 'workflow',
        note: null,
      },
      {
        when: '2027-03-01T10:00:04.000Z',
        type: 'child.closed',
        said: 'Sous-processus terminé : ratification-campaign/x/fr',
        actorId: 'workflow',
        note: null,
      },
      {
        when: '2027-03-01T11:00:00.000Z',
        type: 'workflow.terminated',
        said: 'Workflow arrêté de force (terminate) : oops',
        actorId: 'webui',
        note: 'oops',
      },
    ]);
  });

  it('says the instants a summary carries as people read dates', () => {
    const history = {
      events: [
        {
          eventId: 3,
          eventTime: time('2027-03-01T09:00:00Z'),
          timerStartedEventAttributes: { timerId: '1', startToFireTimeout: msToTs('60s') },
          userMetadata: summary('Session de négociation s1, le 2027-03-01T09:01:00.000Z'),
        },
      ],
    } as unknown as History;
    expect(historyEntries(history, 'fr').map((entry) => entry.text)).toEqual([
      'Minuterie armée : Session de négociation s1, le 2027-03-01 09:01 UTC',
    ]);
  });
});
