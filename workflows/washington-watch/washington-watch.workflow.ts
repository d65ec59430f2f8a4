import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  pauseMonitoringUpdate,
  reportDueSignal,
  resumeMonitoringUpdate,
  type MonitoringRequest,
  type ParticipationResult,
  type ScheduleActivities,
} from '../kit/contracts';
import { ClosingDecision } from '../kit/closing-decision';
import { Participation } from '../kit/participation';
import { wrongState } from '../kit/rejection';
import { assertValidInput } from '../kit/valid-input';
import {
  validateWashingtonWatchInput,
  WASHINGTON_WATCH_TICK_WORKFLOW,
  watchScheduleId,
  type WashingtonWatchInput,
} from './washington-watch.contract';
import { washingtonWatchStrings } from './washington-watch.strings';

const schedules = proxyActivities<ScheduleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Following the OAS and the World Bank from Washington: a Temporal Schedule,
 * owned by this participation, starts a short run at each interval that tells
 * it a monitoring report is due; each report is a task for the analyst.
 * Pausing and resuming (Updates) pause and resume the Schedule. The watch has
 * no natural end: the coordinator closes it, and it continues as new every
 * CYCLES_PER_RUN reports to keep its history bounded.
 */
export async function washingtonWatchWorkflow(input: WashingtonWatchInput): Promise<ParticipationResult> {
  assertValidInput(validateWashingtonWatchInput(input));
  const p = new Participation(input, washingtonWatchStrings, input.carried);
  const closing = new ClosingDecision(p, ['monitoring', 'paused']);
  const scheduleId = watchScheduleId(p.workflowId);
  const { timing } = input;
  let reportsDue = input.resume?.reportsDue ?? 0;
  let reportsThisRun = 0;
  /** Reports that fell due while this run was handing over: the next run opens them. */
  const handedOver: Array<{ index: number; scheduledAt: string }> = [];
  let changingState = false;
  let continuing = false;
  p.details.institutions = input.institutions;
  p.details.scheduleId = scheduleId;

  const openReport = (index: number, scheduledAt: string) =>
    p.background('monitoring report', () =>
      p.tasks.run({
        step: `report/${index}`,
        kind: 'monitoring-report',
        title: p.t('task.monitoringReport.title', { index, date: scheduledAt.slice(0, 10) }),
        instructions: p.t('task.monitoringReport.instructions', { institutions: input.institutions.join(', ').toUpperCase() }),
        assigneeId: input.analystId,
        dueInMs: timing.taskDueMs,
        remindBeforeMs: timing.taskReminderBeforeMs,
      }),
    );

  setHandler(reportDueSignal, ({ scheduledAt }) => {
    if (p.phase !== 'monitoring' || closing.taken) return;
    reportsDue += 1;
    p.details.reportsDue = reportsDue;
    if (continuing) {
      handedOver.push({ index: reportsDue, scheduledAt });
      return;
    }
    reportsThisRun += 1;
    openReport(reportsDue, scheduledAt);
  });

  const setPaused = async (paused: boolean, request: MonitoringRequest) => {
    changingState = true;
    try {
      const note = request.note ?? p.t(paused ? 'audit.monitoringPaused' : 'audit.monitoringResumed', { actorId: request.actorId });
      await schedules.setReportSchedulePaused({ scheduleId, paused, note });
      await p.journalEntry(
        paused ? 'monitoring/paused' : 'monitoring/resumed',
        paused ? 'monitoring.paused' : 'monitoring.resumed',
        request.actorId,
        undefined,
        note,
      );
      await p.enterPhase(paused ? 'paused' : 'monitoring');
      p.waitFor('reports', paused ? 'wait.monitoringPaused' : 'wait.nextReport');
    } finally {
      changingState = false;
    }
    return p.view();
  };
  const validate = (phase: string) => (_request: MonitoringRequest) => {
    if (p.phase !== phase || changingState || closing.taken) throw wrongState('reject.notInPhase', { phase: p.phase });
  };
  setHandler(pauseMonitoringUpdate, (request) => setPaused(true, request), { validator: validate('monitoring') });
  setHandler(resumeMonitoringUpdate, (request) => setPaused(false, request), { validator: validate('paused') });
  p.onCancel(() => schedules.deleteReportSchedule({ scheduleId }));

  return p.run(async () => {
    for (const report of input.resume?.pending ?? []) openReport(report.index, report.scheduledAt);
    if (!input.carried) {
      await schedules.ensureReportSchedule({
        scheduleId,
        participationWorkflowId: p.workflowId,
        workflowType: WASHINGTON_WATCH_TICK_WORKFLOW,
        intervalMs: timing.reportIntervalMs,
        taskQueue: workflowInfo().taskQueue,
        note: p.t('ui.summary', { kindLabel: p.t('kind.washington-watch'), title: input.title }),
      });
      await p.enterPhase('monitoring');
    }
    p.waitFor('reports', p.phase === 'paused' ? 'wait.monitoringPaused' : 'wait.nextReport');
    const runDone = () => reportsThisRun >= timing.cyclesPerRun && p.tasks.open().length === 0 && !changingState;
    await condition(() => closing.taken !== undefined || runDone());
    if (!closing.taken) {
      continuing = true;
      return p.continueAsNew<typeof washingtonWatchWorkflow>(() => ({
        ...input,
        resume: { reportsDue, paused: p.phase === 'paused', pending: handedOver },
      }));
    }
    await schedules.deleteReportSchedule({ scheduleId });
    return p.close(closing.taken.outcome, closing.taken.actorId, closing.taken.summary);
  });
}
