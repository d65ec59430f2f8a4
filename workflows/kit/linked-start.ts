import { CancellationScope, ParentClosePolicy, startChild, uuid4 } from '@temporalio/workflow';
import { SA_COORDINATOR, SA_FORUM, SA_PARTICIPATION_KIND, SA_PHASE, type ParticipationHeader } from './contracts';
import type { Participation } from './participation';

/** Another kind a participation may start: its code and workflow type, handed in by its input (the kind's own folder names them). */
export interface LinkedKind {
  kind: string;
  workflowType: string;
}

export interface LinkedStart {
  businessKey: string;
  title: string;
  /** The started kind's own input fields, beside the header built here. */
  fields: Record<string, unknown>;
}

/**
 * Starts a participation of another kind that this one decided on (a
 * mission's agreement): a child workflow `<kind>/<businessKey>` with its own
 * projection row, which outlives this participation (parent close policy
 * ABANDON): the agreement runs for years after the mission has closed. Its
 * id is journaled and kept in the details under `linked`. Resolves with its
 * workflow id, or undefined when that participation exists already (journaled).
 */
export async function startLinkedParticipation(p: Participation, target: LinkedKind, start: LinkedStart): Promise<string | undefined> {
  const workflowId = `${target.kind}/${start.businessKey}`;
  const header: ParticipationHeader = {
    participationId: uuid4(),
    kind: target.kind,
    businessKey: start.businessKey,
    title: start.title,
    forum: p.header.forum,
    coordinatorId: p.header.coordinatorId,
    locale: p.header.locale,
    launchedAt: new Date(Date.now()).toISOString(),
  };
  try {
    await CancellationScope.nonCancellable(() =>
      startChild(target.workflowType, {
        workflowId,
        args: [{ ...start.fields, ...header }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        typedSearchAttributes: [
          { key: SA_PARTICIPATION_KIND, value: target.kind },
          { key: SA_FORUM, value: p.header.forum },
          { key: SA_PHASE, value: 'launched' },
          { key: SA_COORDINATOR, value: p.header.coordinatorId },
        ],
        staticSummary: start.title,
      }),
    );
  } catch (err) {
    if ((err as Error)?.name !== 'WorkflowExecutionAlreadyStartedError') throw err;
    await p.journalEntry('linked/exists', 'participation.link-exists', 'workflow', { workflowId });
    return undefined;
  }
  p.details.linked = [...((p.details.linked as string[] | undefined) ?? []), workflowId];
  await p.journalEntry('linked/started', 'participation.linked', 'workflow', { workflowId });
  return workflowId;
}
