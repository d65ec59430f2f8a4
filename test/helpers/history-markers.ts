import type { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;

/*
 * The markers the SDK's core writes in clear in a history (no codec touches
 * them): what a patch or a local activity says of itself.
 */

/** The name the SDK's core gives the marker of each local activity. */
export const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

/** What the local-activity markers of a history say in clear: the core's bookkeeping (sequence, attempt, type, times). */
export function localActivityMarkers(history: History): Record<string, unknown>[] {
  return (history.events ?? []).flatMap((event) => {
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName !== LOCAL_ACTIVITY_MARKER) return [];
    return (marker.details?.data?.payloads ?? []).map((p) => JSON.parse(Buffer.from(p.data ?? []).toString()) as Record<string, unknown>);
  });
}

/** The name the SDK's core gives the marker `patched()` records. */
export const PATCH_MARKER = 'core_patch';

/** What the patch markers of a history say: the id of each patch, and nothing else. */
export function patchMarkers(history: History): unknown[] {
  return (history.events ?? []).flatMap((event) => {
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName !== PATCH_MARKER) return [];
    return Object.values(marker.details ?? {}).flatMap((payloads) =>
      (payloads.payloads ?? []).map((p) => JSON.parse(Buffer.from(p.data ?? []).toString()) as unknown),
    );
  });
}
