import { ApprovalGate } from '../kit/approval';
import { PERSON, type MessageKey, type ParticipationResult } from '../kit/contracts';
import { draftUntilDecided } from '../kit/draft-and-approve';
import { FederalCoordination } from '../kit/federal-coordination';
import { Participation } from '../kit/participation';
import { runReportingCycles } from '../kit/reporting-cycle';
import { SessionCalendar } from '../kit/session-calendar';
import { assertValidInput } from '../kit/valid-input';
import { validateUnescoInput, type UnescoInput } from './unesco-representation.contract';
import { unescoRepresentationStrings } from './unesco-representation.strings';

/**
 * Canada's permanent representative in the delegation to UNESCO: nomination,
 * federal agreement, accreditation, then for the mandate's years reporting
 * periods (each with the General Conference and Executive Board sessions that
 * fall in it, briefed and debriefed) and finally the succession. The mandate
 * runs for years: the workflow continues as new every CYCLES_PER_RUN periods.
 */
export async function unescoRepresentationWorkflow(input: UnescoInput): Promise<ParticipationResult> {
  assertValidInput(validateUnescoInput(input));
  const p = new Participation(input, unescoRepresentationStrings, input.carried);
  const nomination = new ApprovalGate(p, 'nomination-approval', input.nominationApproverIds, input.timing);
  const federal = new FederalCoordination(p, 'federal-agreement');
  const sessions = new SessionCalendar(p);
  const { timing } = input;
  const due = { dueInMs: timing.taskDueMs, remindBeforeMs: timing.taskReminderBeforeMs };
  const representativeId = input.nomineeId;
  p.details.representativeId = representativeId;

  return p.run(async () => {
    if (!input.resume) {
      const decision = await draftUntilDecided(p, nomination, {
        draftPhase: 'nomination',
        approvalPhase: 'nomination-approval',
        waitKey: 'wait.nominationDecision',
        draft: async (revision) => {
          p.waitFor('tasks', 'wait.nominationFile', { nomineeId: representativeId });
          await p.tasks.run({
            step: `nomination/r${revision}`,
            kind: 'nomination-file',
            title: p.t('task.nomination.title', { nomineeId: representativeId, revision }),
            instructions: p.t('task.nomination.instructions', { nomineeId: representativeId, title: input.title }),
            assigneeId: input.coordinatorId,
            ...due,
          });
        },
      });
      if (decision.decision === 'reject') return p.close('withdrawn', decision.approverId, decision.comments);

      await p.enterPhase('federal-agreement');
      const agreement = await federal.request(
        `representative ${representativeId}`,
        timing.federalResponseTimeoutMs,
        'wait.federalAgreement',
      );
      p.details.federalDecision = agreement.decision;
      if (agreement.decision === 'refused') return p.close('withdrawn', agreement.actorId, agreement.note);

      await p.enterPhase('accreditation');
      p.waitFor('tasks', 'wait.accreditation');
      await p.tasks.run({
        step: 'accreditation',
        kind: 'accreditation',
        title: p.t('task.accreditation.title', { representativeId }),
        instructions: p.t('task.accreditation.instructions', { representativeId, title: input.title }),
        assigneeId: input.coordinatorId,
        ...due,
      });
      await p.enterPhase('mandate');
    }

    const position = input.resume ?? { anchorAt: new Date(Date.now()).toISOString(), nextCycle: 1 };
    const total = input.mandateYears * input.reportsPerYear;
    const next = await runReportingCycles(p, {
      position,
      total,
      periodMs: Math.floor(timing.mandateYearMs / input.reportsPerYear),
      cyclesPerRun: timing.cyclesPerRun,
      duringPeriod: async (cycle, startMs, endMs) => {
        // The sessions that fall in this period (before the mandate, in the first), each briefed then held.
        const inPeriod = input.sessions
          .map((session, i) => ({ ...session, key: `${session.body}-${i + 1}` }))
          .filter((s) => Date.parse(s.date) < endMs && (cycle === 1 || Date.parse(s.date) >= startMs))
          .sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
        for (const session of inPeriod) {
          const body = p.t(`unesco.${session.body}` as MessageKey);
          const sessionLabel = (date: string) => p.t('session.unesco', { body, date: date.slice(0, 10) });
          sessions.plan({ key: session.key, date: session.date, leadId: representativeId, label: sessionLabel });
          // Its name on its current date (it may have been moved before this period).
          const label = sessions.labelOf(session.key) ?? sessionLabel(session.date);
          p.waitFor('tasks', 'wait.briefing', { label });
          await p.tasks.run({
            step: `session/${session.key}/briefing`,
            kind: 'briefing-note',
            title: p.t('task.briefing.title', { label }),
            instructions: p.t('task.briefing.instructions', { label, delegateId: representativeId }),
            assigneeId: representativeId,
            ...due,
          });
          await sessions.hold(session.key, { attendance: true, debrief: true, ...due });
        }
      },
      report: (cycle) => ({
        step: `report/${cycle}`,
        kind: 'report',
        title: p.t('task.periodicReport.title', { cycle, total }),
        instructions: p.t('task.periodicReport.instructions', { cycle, title: input.title }),
        assigneeId: representativeId,
        ...due,
      }),
    });
    if (next) return p.continueAsNew<typeof unescoRepresentationWorkflow>(() => ({ ...input, resume: next }));

    await p.enterPhase('succession');
    p.waitFor('tasks', 'wait.succession');
    const succession = await p.tasks.run({
      step: 'succession',
      kind: 'succession',
      title: p.t('task.succession.title', { representativeId }),
      instructions: p.t('task.succession.instructions', { representativeId, title: input.title }),
      assigneeId: input.coordinatorId,
      requiredFields: { successorId: PERSON },
      ...due,
    });
    const successorId = succession.deliverable?.fields?.successorId ?? '';
    p.details.successorId = successorId;
    return p.close('concluded', input.coordinatorId, p.t('audit.succession', { representativeId, successorId }));
  });
}
