import { ApprovalGate } from '../kit/approval';
import { type ParticipationResult } from '../kit/contracts';
import { draftUntilDecided } from '../kit/draft-and-approve';
import { FederalCoordination } from '../kit/federal-coordination';
import { Participation } from '../kit/participation';
import { SessionCalendar } from '../kit/session-calendar';
import { assertValidInput } from '../kit/valid-input';
import { validateExpertTaskForceInput, type ExpertTaskForceInput } from './expert-task-force.contract';
import { expertTaskForceStrings } from './expert-task-force.strings';

/**
 * An expert in an international organization's task force: the nomination
 * is prepared and approved, the federal government clears the expert, the
 * expert attends the task force's meetings and hands in their reports.
 */
export async function expertTaskForceWorkflow(input: ExpertTaskForceInput): Promise<ParticipationResult> {
  assertValidInput(validateExpertTaskForceInput(input));
  const p = new Participation(input, expertTaskForceStrings);
  const nomination = new ApprovalGate(p, 'nomination-approval', input.nominationApproverIds, input.timing);
  const federal = new FederalCoordination(p, 'federal-clearance');
  const sessions = new SessionCalendar(p);
  const due = { dueInMs: input.timing.taskDueMs, remindBeforeMs: input.timing.taskReminderBeforeMs };
  p.details.expertId = input.expertId;
  input.meetings.forEach((meeting, i) =>
    sessions.plan({
      key: `m${i + 1}`,
      date: meeting.date,
      leadId: input.expertId,
      label: (date) => p.t('session.meeting', { index: i + 1, date: date.slice(0, 10) }),
    }),
  );

  return p.run(async () => {
    const decision = await draftUntilDecided(p, nomination, {
      draftPhase: 'nomination',
      approvalPhase: 'nomination-approval',
      waitKey: 'wait.nominationDecision',
      draft: async (revision) => {
        p.waitFor('tasks', 'wait.nominationFile', { nomineeId: input.expertId });
        await p.tasks.run({
          step: `nomination/r${revision}`,
          kind: 'nomination-file',
          title: p.t('task.nomination.title', { nomineeId: input.expertId, revision }),
          instructions: p.t('task.nomination.instructions', { nomineeId: input.expertId, title: input.title }),
          assigneeId: input.coordinatorId,
          ...due,
        });
      },
    });
    if (decision.decision === 'reject') return p.close('withdrawn', decision.approverId, decision.comments);

    await p.enterPhase('federal-clearance');
    const clearance = await federal.request(
      `clearance of ${input.expertId}`,
      input.timing.federalResponseTimeoutMs,
      'wait.federalClearance',
    );
    p.details.federalDecision = clearance.decision;
    if (clearance.decision === 'refused') return p.close('withdrawn', clearance.actorId, clearance.note);

    await p.enterPhase('task-force-meetings');
    await sessions.holdAll({ attendance: true, debrief: false, ...due });

    await p.enterPhase('reporting');
    for (let index = 1; index <= input.reportCount; index += 1) {
      p.waitFor('tasks', 'wait.expertReport', { index, total: input.reportCount });
      await p.tasks.run({
        step: `report/${index}`,
        kind: 'report',
        title: p.t('task.expertReport.title', { index, total: input.reportCount }),
        instructions: p.t('task.expertReport.instructions', { index, title: input.title }),
        assigneeId: input.expertId,
        ...due,
      });
    }
    return p.close('concluded', input.expertId);
  });
}
