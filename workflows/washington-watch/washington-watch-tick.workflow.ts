import { getExternalWorkflowHandle } from '@temporalio/workflow';
import { reportDueSignal } from '../kit/contracts';

/** Started by the watch's Temporal Schedule at each interval: tells the participation a report is due. */
export async function washingtonWatchTickWorkflow(participationWorkflowId: string): Promise<void> {
  await getExternalWorkflowHandle(participationWorkflowId).signal(reportDueSignal, {
    scheduledAt: new Date(Date.now()).toISOString(),
  });
}
