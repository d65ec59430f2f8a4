import { defaultPayloadConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { BATCHED_PROJECTION_ACTIVITY, PROJECTION_ACTIVITY_NAMES, type ProjectionBatchResult, type ProjectionWrite } from '@lib/contracts';

/** The marker Temporal's core SDK records for each local activity. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

type ProjectionName = (typeof PROJECTION_ACTIVITY_NAMES)[number];

/** One projection write a workflow asked for, as its history recorded it. */
export type ProjectionCall = ProjectionWrite & {
  /** What the write answered, when it completed (openTask's placement); absent while still running. */
  result?: unknown;
};

const isProjection = (name: string | null | undefined): name is ProjectionName =>
  (PROJECTION_ACTIVITY_NAMES as readonly string[]).includes(name ?? '');

/**
 * The projection writes of one run, in the order the workflow made them, read
 * from its history. Runs started before batching hold one activity per write,
 * whose input the history keeps; batched runs hold one local-activity marker per
 * workflow task, whose result carries the writes of the batch (a marker keeps no
 * input). Payloads are encrypted when the payload codec is on, hence the codecs.
 * Replaying them in that order rebuilds exactly what the worker wrote, since each
 * write is idempotent by workflow id and step key.
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
    const batch = await batchOf(event.markerRecordedEventAttributes, codecs);
    if (batch) {
      batch.writes.forEach((write, i) => calls.push({ ...write, ...(batch.results[i] ? { result: batch.results[i] } : {}) }));
      continue;
    }
    const scheduled = event.activityTaskScheduledEventAttributes;
    const name = scheduled?.activityType?.name;
    if (!scheduled || !isProjection(name)) continue;
    const [input] = await decodeAll(scheduled.input?.payloads ?? [], codecs);
    const answered = results.get(String(event.eventId));
    const result = answered ? (await decodeAll(answered, codecs))[0] : undefined;
    calls.push({ name, input, ...(result === undefined ? {} : { result }) } as ProjectionCall);
  }
  return calls;
}

/** The batch a local-activity marker recorded, when it is a completed projection batch. */
async function batchOf(
  marker: temporal.api.history.v1.IMarkerRecordedEventAttributes | null | undefined,
  codecs: PayloadCodec[],
): Promise<ProjectionBatchResult | undefined> {
  if (marker?.markerName !== LOCAL_ACTIVITY_MARKER) return undefined;
  const [data] = (marker.details?.data?.payloads ?? []).map((payload) => defaultPayloadConverter.fromPayload(payload));
  const said = data as { activity_type?: string; activityType?: string } | undefined;
  if ((said?.activity_type ?? said?.activityType) !== BATCHED_PROJECTION_ACTIVITY) return undefined;
  const result = marker.details?.result?.payloads;
  if (!result || result.length === 0) return undefined;
  const [batch] = await decodeAll(result, codecs);
  return batch as ProjectionBatchResult;
}

async function decodeAll(payloads: Payload[], codecs: PayloadCodec[]): Promise<unknown[]> {
  let decoded = payloads;
  // Codecs encode in list order, so they decode in reverse.
  for (const codec of [...codecs].reverse()) decoded = await codec.decode(decoded);
  return decoded.map((payload) => defaultPayloadConverter.fromPayload(payload));
}
