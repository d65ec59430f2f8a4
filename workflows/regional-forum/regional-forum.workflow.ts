import { patched } from '@temporalio/workflow';
import { PERSON, type MessageKey, type ParticipationResult } from '../kit/contracts';
import { Participation } from '../kit/participation';
import { SessionCalendar } from '../kit/session-calendar';
import { assertValidInput } from '../kit/valid-input';
import { validateRegionalForumInput, type RegionalForumInput } from './regional-forum.contract';
import { regionalForumStrings } from './regional-forum.strings';

/**
 * Representation at a regional forum (AER, REGLEG, Partner Regions): the
 * coordinator names the delegate, a briefing note is written for them, they
 * attend the session (which may move), then report.
 */
export async function regionalForumWorkflow(input: RegionalForumInput): Promise<ParticipationResult> {
  assertValidInput(validateRegionalForumInput(input));
  const p = new Participation(input, regionalForumStrings);
  const sessions = new SessionCalendar(p);
  const due = { dueInMs: input.timing.taskDueMs, remindBeforeMs: input.timing.taskReminderBeforeMs };
  const forum = p.t(`forum.${input.forum}` as MessageKey);
  const sessionLabel = (date: string) => p.t('session.forum', { forum, date: date.slice(0, 10) });
  // Planned from the start so that the session can be moved or cancelled in any phase.
  sessions.plan({ key: 'forum', date: input.sessionDate, leadId: input.coordinatorId, label: sessionLabel });
  // Its name on its current date: a move before the briefing or the report renames them.
  const label = () => sessions.labelOf('forum') ?? sessionLabel(input.sessionDate);

  return p.run(async () => {
    await p.enterPhase('delegate-assignment');
    p.waitFor('tasks', 'wait.delegate');
    const assignment = await p.tasks.run({
      step: 'delegate',
      kind: 'delegate-assignment',
      title: p.t('task.delegate.title', { forum }),
      instructions: p.t('task.delegate.instructions', { forum, title: input.title }),
      assigneeId: input.coordinatorId,
      requiredFields: { delegateId: PERSON },
      ...due,
    });
    const delegateId = assignment.deliverable?.fields?.delegateId ?? input.coordinatorId;
    p.details.delegateId = delegateId;
    // Planning it again with the launch's date undid a move made while the delegate was
    // being chosen; the delegate now only becomes its lead.
    if (patched('forum-delegate-keeps-moved-date')) sessions.assignLead('forum', delegateId);
    else sessions.plan({ key: 'forum', date: input.sessionDate, leadId: delegateId, label: sessionLabel });

    await p.enterPhase('briefing');
    p.waitFor('tasks', 'wait.briefing', { label: label() });
    await p.tasks.run({
      step: 'briefing',
      kind: 'briefing-note',
      title: p.t('task.briefing.title', { label: label() }),
      instructions: p.t('task.briefing.instructions', { label: label(), delegateId }),
      assigneeId: input.briefingAuthorId,
      ...due,
    });

    await p.enterPhase('forum-session');
    const held = await sessions.hold('forum', { attendance: true, debrief: false, ...due });
    if (!held) return p.close('withdrawn', input.coordinatorId, p.t('audit.sessionCancelled', { label: label() }));

    await p.enterPhase('report');
    p.waitFor('tasks', 'wait.forumReport', { label: label() });
    await p.tasks.run({
      step: 'report',
      kind: 'report',
      title: p.t('task.forumReport.title', { label: label() }),
      instructions: p.t('task.forumReport.instructions', { label: label(), title: input.title }),
      assigneeId: delegateId,
      ...due,
    });
    return p.close('concluded', delegateId);
  });
}
