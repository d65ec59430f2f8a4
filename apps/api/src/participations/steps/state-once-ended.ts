import type { Client } from '@temporalio/client';
import { getStateQuery, type ParticipationStateView } from '@lib/contracts';

/**
 * Close and cancel answer with the participation as it ended, not as it stood
 * when the workflow accepted the request: its Update returns at once, and the
 * workflow then closes its tasks, writes its projection and completes. This
 * waits for the end (at most `waitMs`), then asks the ended workflow for its
 * state. Past the wait, or if Temporal cannot say, the accepted state stands:
 * the request is taken either way, and GET /participations/:id shows the end.
 */
export async function stateOnceEnded(
  client: Client,
  workflowId: string,
  accepted: ParticipationStateView,
  { waitMs, queryTimeoutMs }: { waitMs: number; queryTimeoutMs: number },
): Promise<ParticipationStateView> {
  const handle = client.workflow.getHandle(workflowId);
  try {
    // The deadline ends the long poll too: nothing is left waiting once the request is answered.
    await client.withDeadline(Date.now() + waitMs, () => handle.result());
    return await client.withDeadline(Date.now() + queryTimeoutMs, () => handle.query(getStateQuery));
  } catch {
    return accepted;
  }
}
