import type { Client } from '@temporalio/client';
import { LOCAL_ACTIVITY_MARKER } from '../helpers/history-markers';

export interface WorkerShare {
  workflowTasks: number;
  /** Activity tasks it picked up, and local activities it ran in its workflow tasks (projection batches). */
  activities: number;
}

/**
 * Who did the work, from the workflows' own histories: the identity of the
 * worker that picked up each workflow task and each activity task. A local
 * activity's marker names no worker: it ran in the worker of the workflow task
 * that recorded it, the last one started before it.
 */
export async function workByIdentity(client: Client, workflowIds: string[]): Promise<Map<string, WorkerShare>> {
  const shares = new Map<string, WorkerShare>();
  const share = (identity: string) => {
    if (!shares.has(identity)) shares.set(identity, { workflowTasks: 0, activities: 0 });
    return shares.get(identity) as WorkerShare;
  };
  for (const workflowId of workflowIds) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    let lastWorkflowTask: string | undefined;
    for (const event of history.events ?? []) {
      const workflowTask = event.workflowTaskStartedEventAttributes?.identity;
      if (workflowTask) share(workflowTask).workflowTasks += 1;
      if (workflowTask) lastWorkflowTask = workflowTask;
      const local = event.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER;
      if (local && lastWorkflowTask) share(lastWorkflowTask).activities += 1;
      const activity = event.activityTaskStartedEventAttributes?.identity;
      if (activity) share(activity).activities += 1;
    }
  }
  return shares;
}
