import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

import { LOCAL_ACTIVITY_MARKER, PATCH_MARKER } from '../helpers/history-markers';

export { localActivityMarkers, patchMarkers } from '../helpers/history-markers';

type History = temporal.api.history.v1.IHistory;
export interface RawPayload {
  metadata?: Record<string, Uint8Array> | null;
  data?: Uint8Array | null;
}

/** The workflow's history exactly as the server stores it: no data converter, no codec. */
export async function rawHistory(client: Client, workflowId: string): Promise<History> {
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await client.connection.workflowService.getWorkflowExecutionHistory({
      namespace: client.options.namespace,
      execution: { workflowId },
      nextPageToken,
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return { events };
}

/** The history's bytes, as the server would write them to its database. */
export function historyBytes(history: History): Buffer {
  return Buffer.from(temporal.api.history.v1.History.encode(history).finish());
}

/**
 * Every payload anywhere in the history (inputs, results, Update arguments and
 * answers, memos, UI summaries), search attributes aside: the server indexes
 * those, so they stay clear and hold identifiers only (design.md). Patch
 * markers aside too: the SDK's core writes them (`patched()`), never through
 * the codec, and they hold only the patch's id, a constant of the code.
 */
export function payloadsIn(value: unknown, found: RawPayload[] = []): RawPayload[] {
  if (!value || typeof value !== 'object' || ArrayBuffer.isView(value)) return found;
  if ((value as { markerName?: unknown }).markerName === PATCH_MARKER) return found;
  // A local activity's marker: its `data` is the core's own bookkeeping (below); its result is a payload like any other.
  if ((value as { markerName?: unknown }).markerName === LOCAL_ACTIVITY_MARKER) {
    return payloadsIn((value as { details?: Record<string, unknown> }).details?.result, found);
  }
  const candidate = value as RawPayload;
  if (candidate.metadata && typeof candidate.metadata === 'object' && 'encoding' in candidate.metadata) {
    found.push(candidate);
    return found;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key !== 'searchAttributes') payloadsIn(child, found);
  }
  return found;
}

export const metadataText = (payload: RawPayload, key: string) => Buffer.from(payload.metadata?.[key] ?? []).toString();
