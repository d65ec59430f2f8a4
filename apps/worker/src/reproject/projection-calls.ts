import { defaultPayloadConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { PROJECTION_ACTIVITY_NAMES, type ProjectionActivities } from '@lib/contracts';

type ProjectionName = (typeof PROJECTION_ACTIVITY_NAMES)[number];

/** One projection write a workflow asked for, as its history recorded it. */
export interface ProjectionCall {
  name: ProjectionName;
  input: Parameters<ProjectionActivities[ProjectionName]>[0];
  /** What the write answered, when it completed (openTask's placement); absent while still running. */
  result?: unknown;
}

const isProjection = (name: string | null | undefined): name is ProjectionName =>
  (PROJECTION_ACTIVITY_NAMES as readonly string[]).includes(name ?? '');

/**
 * The projection writes of one run, in the order the workflow scheduled them,
 * read from its history: every write is an activity whose input the history
 * keeps (encrypted when the payload codec is on, hence the codecs). Replaying
 * them in that order rebuilds exactly what the worker wrote, since each write
 * is idempotent by workflow id and step key.
 */
export async function projectionCalls(history: temporal.api.history.v1.IHistory, codecs: PayloadCodec[]): Promise<ProjectionCall[]> {
  const events = history.events ?? [];
  const results = new Map<string, Payload[]>();
  for (const event of events) {
    const completed = event.activityTaskCompletedEventAttributes;
    if (completed?.scheduledEventId != null) results.set(String(completed.scheduledEventId), completed.result?.payloads ?? []);
  }
  const calls: ProjectionCall[] = [];
  for (const event of events) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    const name = scheduled?.activityType?.name;
    if (!scheduled || !isProjection(name)) continue;
    const [input] = await decodeAll(scheduled.input?.payloads ?? [], codecs);
    const answered = results.get(String(event.eventId));
    const result = answered ? (await decodeAll(answered, codecs))[0] : undefined;
    calls.push({ name, input: input as ProjectionCall['input'], ...(result === undefined ? {} : { result }) });
  }
  return calls;
}

async function decodeAll(payloads: Payload[], codecs: PayloadCodec[]): Promise<unknown[]> {
  let decoded = payloads;
  // Codecs encode in list order, so they decode in reverse.
  for (const codec of [...codecs].reverse()) decoded = await codec.decode(decoded);
  return decoded.map((payload) => defaultPayloadConverter.fromPayload(payload));
}
