import { type ParticipationResult } from '../kit/contracts';
import { ClosingDecision } from '../kit/closing-decision';
import { Participation } from '../kit/participation';
import { SessionCalendar } from '../kit/session-calendar';
import { assertValidInput } from '../kit/valid-input';
import { validateSppInput, type SppInput } from './spp-working-group.contract';
import { sppWorkingGroupStrings } from './spp-working-group.strings';

/**
 * Participation in a Security and Prosperity Partnership working group
 * (Canada, US, Mexico): its meetings (attendance, debrief) and its
 * deliverables run side by side, then a progress report, then the coordinator closes.
 */
export async function sppWorkingGroupWorkflow(input: SppInput): Promise<ParticipationResult> {
  assertValidInput(validateSppInput(input));
  const p = new Participation(input, sppWorkingGroupStrings);
  const sessions = new SessionCalendar(p);
  const closing = new ClosingDecision(p, 'closing', input.timing);
  const due = { dueInMs: input.timing.taskDueMs, remindBeforeMs: input.timing.taskReminderBeforeMs };
  p.details.workingGroup = input.workingGroup;
  input.meetings.forEach((meeting, i) =>
    sessions.plan({
      key: `m${i + 1}`,
      date: meeting.date,
      leadId: meeting.leadExpertId,
      label: (date) => p.t('session.meeting', { index: i + 1, date: date.slice(0, 10) }),
    }),
  );

  return p.run(async () => {
    await p.enterPhase('working-group');
    p.waitFor('tasks', 'wait.workingGroup', { deliverables: input.deliverables.length, meetings: input.meetings.length });
    await Promise.all([
      ...input.deliverables.map((deliverable) =>
        p.tasks.run({
          step: `deliverable/${deliverable.code}`,
          kind: 'deliverable',
          title: p.t('task.deliverable.title', { code: deliverable.code }),
          instructions: p.t('task.deliverable.instructions', { code: deliverable.code, group: input.workingGroup }),
          assigneeId: deliverable.expertId,
          ...due,
        }),
      ),
      sessions.holdAll({ attendance: true, debrief: true, ...due }),
    ]);

    await p.enterPhase('reporting');
    p.waitFor('tasks', 'wait.progressReport');
    await p.tasks.run({
      step: 'progress-report',
      kind: 'report',
      title: p.t('task.progressReport.title', { group: input.workingGroup }),
      instructions: p.t('task.progressReport.instructions', { group: input.workingGroup, title: input.title }),
      assigneeId: input.reportAuthorId,
      ...due,
    });

    await p.enterPhase('closing');
    const decision = await closing.await();
    return p.close(decision.outcome, decision.actorId, decision.summary);
  });
}
