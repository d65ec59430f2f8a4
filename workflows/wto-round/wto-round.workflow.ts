import { patched } from '@temporalio/workflow';
import { ApprovalGate } from '../kit/approval';
import { ClosingDecision } from '../kit/closing-decision';
import { type KeyOf, type ParticipationResult, type TaskView } from '../kit/contracts';
import { FederalCoordination } from '../kit/federal-coordination';
import { Participation } from '../kit/participation';
import { awaitSession } from '../kit/scheduled-session';
import { SessionCalendar } from '../kit/session-calendar';
import { assertValidInput } from '../kit/valid-input';
import { validateWtoRoundInput, type WtoRoundInput, type WtoSessionScheduledData } from './wto-round.contract';
import { wtoRoundStrings } from './wto-round.strings';

/**
 * Sessions moved to the kit's calendar: they can be announced or moved by the
 * `wto.session.scheduled` event and moved or cancelled by signal. Rounds that
 * reached their sessions before this change keep the fixed list they started with.
 */
const SESSION_CALENDAR_PATCH = 'wto-session-calendar';

/**
 * Each session's lead confirms attendance (a task with `attended: yes|no`)
 * before writing its debrief. Rounds that began holding their sessions before
 * this change hold the rest of them without it.
 */
const SESSION_ATTENDANCE_PATCH = 'wto-session-attendance';

type WtoRound = Participation<KeyOf<typeof wtoRoundStrings>>;

/**
 * A WTO negotiation round with the Canadian team: federal coordination for a
 * seat, positions drafted per issue area, mandate approval (with revisions,
 * from the approvers' tasks), attendance and a debrief after each negotiation
 * session (sessions announced or moved by events and signals), then the
 * coordinator closes it (from a closing task).
 */
export async function wtoRoundWorkflow(input: WtoRoundInput): Promise<ParticipationResult> {
  assertValidInput(() => validateWtoRoundInput(input));
  const p = new Participation(input, wtoRoundStrings);
  const federal = new FederalCoordination(p, 'federal-coordination');
  const { timing } = input;
  const mandate = new ApprovalGate(p, 'mandate-approval', input.mandateApproverIds, timing);
  const closing = new ClosingDecision(p, 'closing', timing);
  p.details.issueAreas = input.issueAreas.map((a) => a.area);
  const calendar = new SessionCalendar(p);
  const sessionLabel = (key: string, date: string) => p.t('session.negotiation', { key, date: date.slice(0, 10) });
  input.sessions.forEach((s, i) =>
    calendar.plan({ key: `s${i + 1}`, date: s.date, leadId: s.leadExpertId, label: (date) => sessionLabel(`s${i + 1}`, date) }),
  );
  let calendarInUse: boolean | undefined;
  p.events.on('wto.session.scheduled', async (event) => {
    const data = event.data as unknown as WtoSessionScheduledData;
    if (calendarInUse === false || p.phase === 'closing' || p.phase === 'closed') {
      return p.events.ignore(event, 'reject.notInPhase', { phase: p.phase });
    }
    const date = new Date(data.date).toISOString();
    calendar.plan({ key: data.sessionKey, date, leadId: data.leadExpertId, label: (at) => sessionLabel(data.sessionKey, at) });
  });

  return p.run(async () => {
    await p.enterPhase('federal-coordination');
    const seat = await federal.request('seat on the Canadian team', timing.federalResponseTimeoutMs);
    p.details.federalDecision = seat.decision;
    if (seat.decision === 'refused') return p.close('withdrawn', seat.actorId, seat.note);

    for (let revision = 1; ; revision += 1) {
      p.details.mandateRevision = revision;
      await p.enterPhase('position-drafting');
      await draftPositions(p, input, revision);
      await p.enterPhase('mandate-approval');
      const decision = await mandate.request('wait.mandateDecision', { revision });
      if (decision.decision === 'approve') break;
      if (decision.decision === 'reject') return p.close('withdrawn', decision.approverId, decision.comments);
    }

    await p.enterPhase('negotiation-sessions');
    calendarInUse = patched(SESSION_CALENDAR_PATCH);
    if (calendarInUse) {
      const attendance = patched(SESSION_ATTENDANCE_PATCH);
      await calendar.holdAll({ attendance, debrief: true, dueInMs: timing.taskDueMs, remindBeforeMs: timing.taskReminderBeforeMs });
    } else {
      await holdFixedSessions(p, input);
    }

    await p.enterPhase('closing');
    const decision = await closing.await();
    return p.close(decision.outcome, decision.actorId, decision.summary);
  });
}

/** One position task per issue area, all in parallel. */
async function draftPositions(p: WtoRound, input: WtoRoundInput, revision: number): Promise<TaskView[]> {
  const total = input.issueAreas.length;
  let done = 0;
  p.waitFor('tasks', 'wait.positions', { open: total, total });
  return Promise.all(
    input.issueAreas.map(async ({ area, expertId, candidateGroup }) => {
      const task = await p.tasks.run({
        step: `position/${area}/r${revision}`,
        kind: 'position',
        title: p.t('task.position.title', { area, revision }),
        instructions: p.t('task.position.instructions', { area, title: input.title }),
        assigneeId: expertId,
        candidateGroup,
        dueInMs: input.timing.taskDueMs,
        remindBeforeMs: input.timing.taskReminderBeforeMs,
      });
      done += 1;
      p.waitFor('tasks', 'wait.positions', { open: total - done, total });
      return task;
    }),
  );
}

/** The sessions as rounds launched before the calendar patch hold them: the input's list, in order. */
async function holdFixedSessions(p: WtoRound, input: WtoRoundInput): Promise<void> {
  for (const [i, session] of input.sessions.entries()) {
    const index = i + 1;
    await awaitSession(p, { index, total: input.sessions.length, date: session.date });
    p.waitFor('tasks', 'wait.debrief', { index });
    await p.tasks.run({
      step: `debrief/${index}`,
      kind: 'debrief',
      title: p.t('task.debrief.title', { index, date: session.date.slice(0, 10) }),
      instructions: p.t('task.debrief.instructions', { index, title: input.title }),
      assigneeId: session.leadExpertId,
      dueInMs: input.timing.taskDueMs,
      remindBeforeMs: input.timing.taskReminderBeforeMs,
    });
  }
}
