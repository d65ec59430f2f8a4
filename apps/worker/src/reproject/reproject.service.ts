import { Inject, Injectable } from '@nestjs/common';
import { Client, type WorkflowExecutionInfo } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { PAYLOAD_CODECS } from '@lib/temporal';
import type { TaskPlacement } from '@lib/contracts';
import { ProjectionActivitiesService } from '../activities/projection.activities';
import { projectionCalls, type ProjectionCall } from './projection-calls';

export interface ReprojectProgress {
  runs: number;
  of: number;
  writes: number;
}

export interface ReprojectSummary extends ReprojectProgress {
  /** Runs listed by visibility whose history Temporal no longer has (past retention): their rows are left as they are. */
  historyGone: string[];
}

/**
 * Rebuilds the read model (participations, tasks, journal) from Temporal: each
 * run's projection writes, read from its history, are carried out again through
 * the same service the worker uses. Rows already there stay as they are (each
 * write is keyed by workflow id and step key), so it can run on a full, a partial
 * or an empty projection, and again. Notifications are not sent again: the module
 * runs the outbox with no channel.
 */
@Injectable()
export class ReprojectService {
  constructor(
    private readonly client: Client,
    private readonly projection: ProjectionActivitiesService,
    @Inject(PAYLOAD_CODECS) private readonly codecs: PayloadCodec[],
  ) {}

  async run(query: string | undefined, onProgress: (progress: ReprojectProgress) => void = () => undefined): Promise<ReprojectSummary> {
    const runs: WorkflowExecutionInfo[] = [];
    for await (const run of this.client.workflow.list(query ? { query } : {})) runs.push(run);
    // Oldest first: a chain continued as new writes its earlier runs' rows first, as it did live.
    runs.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
    const summary: ReprojectSummary = { runs: 0, of: runs.length, writes: 0, historyGone: [] };
    for (const run of runs) {
      const history = await this.client.workflow
        .getHandle(run.workflowId, run.runId)
        .fetchHistory()
        .catch((err: Error) => {
          if (/not found/i.test(err.message)) return undefined;
          throw err;
        });
      if (!history) summary.historyGone.push(`${run.workflowId}/${run.runId}`);
      else for (const call of await projectionCalls(history, this.codecs)) summary.writes += await this.apply(call);
      summary.runs += 1;
      onProgress(summary);
    }
    return summary;
  }

  private async apply(call: ProjectionCall): Promise<number> {
    // openTask: where the task landed then (a delegate while its assignee was away), not where it would land today.
    const recorded = call.name === 'openTask' ? (call.result as TaskPlacement | undefined) : undefined;
    await this.projection.applyAlone(call, recorded);
    return 1;
  }
}
