import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils';
import { tsToMs } from '@temporalio/common/lib/time';
import { readableDate, translate, type Locale, type MessageKey, type MessageParams } from '@lib/contracts';
import type { TimelineEntry } from './timeline-entry.view';

type HistoryEvent = NonNullable<History['events']>[number];

const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z\b/g;

/**
 * What only the workflow's history knows, as timeline lines: its lifecycle,
 * its timers (with the summaries the workflow gave them), signals, child
 * workflows, and what was done to it straight from Temporal (cancel,
 * terminate). Activities and Updates are left out: each one that matters is in
 * the journal already, with who acted.
 */
export function historyEntries(history: History, locale: Locale): TimelineEntry[] {
  const events = history.events ?? [];
  const timerSummaries = new Map<string, string>();
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    const at = new Date(tsToMs(event.eventTime)).toISOString();
    const line = (type: string, key: MessageKey, params: MessageParams = {}, actorId: string | null = null, note: string | null = null) =>
      entries.push({ at, source: 'temporal', type, text: translate(locale, key, params), actorId, note });
    const summary = textOf(event.userMetadata?.summary);

    if (event.workflowExecutionStartedEventAttributes) {
      line('workflow.started', 'history.started', {}, event.workflowExecutionStartedEventAttributes.identity || null);
    } else if (event.timerStartedEventAttributes) {
      const fireAt = tsToMs(event.eventTime) + tsToMs(event.timerStartedEventAttributes.startToFireTimeout);
      const date = readableDate(new Date(fireAt).toISOString());
      // The project's timers say what they are for, with their date; a bare timer is said by its date.
      timerSummaries.set(String(event.eventId), summary ?? date);
      if (summary) line('timer.started', 'history.timerStarted', { summary }, 'workflow');
      else line('timer.started', 'history.timerStartedUntil', { date }, 'workflow');
    } else if (event.timerFiredEventAttributes) {
      const label = timerSummaries.get(String(event.timerFiredEventAttributes.startedEventId)) ?? '';
      line('timer.fired', 'history.timerFired', { summary: label }, 'workflow');
    } else if (event.workflowExecutionSignaledEventAttributes) {
      const attributes = event.workflowExecutionSignaledEventAttributes;
      line('workflow.signaled', 'history.signal', { name: attributes.signalName ?? '' }, attributes.identity || null);
    } else if (event.workflowExecutionCancelRequestedEventAttributes) {
      const attributes = event.workflowExecutionCancelRequestedEventAttributes;
      line('workflow.cancel-requested', 'history.cancelRequested', {}, attributes.identity || null, attributes.cause || null);
    } else if (event.childWorkflowExecutionStartedEventAttributes) {
      const workflowId = event.childWorkflowExecutionStartedEventAttributes.workflowExecution?.workflowId ?? '';
      line('child.started', 'history.childStarted', { workflowId }, 'workflow');
    } else if (childClosed(event)) {
      line('child.closed', 'history.childClosed', { workflowId: childClosed(event) ?? '' }, 'workflow');
    } else if (event.workflowExecutionCompletedEventAttributes) {
      line('workflow.completed', 'history.completed');
    } else if (event.workflowExecutionFailedEventAttributes) {
      const reason = event.workflowExecutionFailedEventAttributes.failure?.message ?? '';
      line('workflow.failed', 'history.failed', { reason });
    } else if (event.workflowExecutionCanceledEventAttributes) {
      line('workflow.canceled', 'history.canceled');
    } else if (event.workflowExecutionTerminatedEventAttributes) {
      const attributes = event.workflowExecutionTerminatedEventAttributes;
      line(
        'workflow.terminated',
        'history.terminated',
        { reason: attributes.reason ?? '' },
        attributes.identity || null,
        attributes.reason || null,
      );
    } else if (event.workflowExecutionTimedOutEventAttributes) {
      line('workflow.timed-out', 'history.timedOut');
    } else if (event.workflowExecutionContinuedAsNewEventAttributes) {
      line('workflow.continued-as-new', 'history.continuedAsNew');
    }
  }
  return entries;
}

function childClosed(event: HistoryEvent): string | undefined {
  const attributes =
    event.childWorkflowExecutionCompletedEventAttributes ??
    event.childWorkflowExecutionFailedEventAttributes ??
    event.childWorkflowExecutionCanceledEventAttributes ??
    event.childWorkflowExecutionTerminatedEventAttributes ??
    event.childWorkflowExecutionTimedOutEventAttributes;
  return attributes?.workflowExecution?.workflowId ?? undefined;
}

function textOf(payload: Payload | null | undefined): string | undefined {
  if (!payload) return undefined;
  try {
    const value = defaultPayloadConverter.fromPayload<unknown>(payload);
    // Some summaries carry an instant as the workflow held it (`2027-03-01T09:00:00.000Z`): said as people read dates.
    return typeof value === 'string' ? value.replace(ISO_INSTANT, (instant) => readableDate(instant)) : undefined;
  } catch {
    return undefined;
  }
}
