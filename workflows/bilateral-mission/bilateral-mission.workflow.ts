import { condition } from '@temporalio/workflow';
import { DATE, PERSON, YES_NO, type MessageKey, type ParticipationResult } from '../kit/contracts';
import { FederalCoordination } from '../kit/federal-coordination';
import { startLinkedParticipation } from '../kit/linked-start';
import { Participation } from '../kit/participation';
import { SessionCalendar } from '../kit/session-calendar';
import { assertValidInput } from '../kit/valid-input';
import { validateBilateralMissionInput, type BilateralMissionInput, type HostConfirmedData } from './bilateral-mission.contract';
import { bilateralMissionStrings } from './bilateral-mission.strings';

/** Phases in which the host may still confirm the programme. */
const BEFORE_MISSION = ['launched', 'programme', 'briefing-notes', 'mission-notices'];

/**
 * A mission to, or a visit from, an American or Mexican state (or another
 * federated state or region): objectives and programme, a briefing note per
 * meeting, notice to the federal government and the host's confirmation, the
 * mission itself (a dated session, movable), then the follow-up actions (each
 * a task with its owner and due date) and the results report. When the report
 * says an agreement is to be pursued, the mission starts an
 * international agreement, which lives on after it.
 */
export async function bilateralMissionWorkflow(input: BilateralMissionInput): Promise<ParticipationResult> {
  assertValidInput(() => validateBilateralMissionInput(input));
  const p = new Participation(input, bilateralMissionStrings);
  const federal = new FederalCoordination(p, 'mission-notices');
  const sessions = new SessionCalendar(p);
  const { timing, title } = input;
  const due = { dueInMs: timing.taskDueMs, remindBeforeMs: timing.taskReminderBeforeMs };
  const partner = input.federatedStateCode;
  const what = p.t(`direction.${input.direction}` as MessageKey, { partner });
  let hostConfirmed: HostConfirmedData | undefined;
  Object.assign(p.details, {
    direction: input.direction,
    countryCode: input.countryCode,
    federatedStateCode: partner,
    delegationIds: input.delegationIds,
  });

  p.events.on('mission.host.confirmed', async (event) => {
    if (hostConfirmed || !BEFORE_MISSION.includes(p.phase)) return p.events.ignore(event, 'reject.notWaitingHost', { phase: p.phase });
    hostConfirmed = event.data as unknown as HostConfirmedData;
    p.details.hostConfirmed = true;
  });

  const missionLabel = (date: string) => p.t('session.mission', { what, date: date.slice(0, 10) });
  // Planned from the start, so that it can be moved or cancelled in any phase before it is held.
  sessions.plan({ key: 'mission', date: input.missionDate, leadId: input.coordinatorId, label: missionLabel });

  return p.run(async () => {
    await p.enterPhase('programme');
    p.waitFor('tasks', 'wait.programme');
    await p.tasks.run({
      step: 'programme',
      kind: 'programme',
      title: p.t('task.programme.title', { what }),
      instructions: p.t('task.programme.instructions', { title, delegation: input.delegationIds.join(', ') }),
      assigneeId: input.coordinatorId,
      ...due,
    });

    await p.enterPhase('briefing-notes');
    p.waitFor('tasks', 'wait.missionBriefings', { total: input.meetings.length });
    await Promise.all(
      input.meetings.map(({ code, briefingAuthorId }) =>
        p.tasks.run({
          step: `briefing/${code}`,
          kind: 'briefing-note',
          title: p.t('task.meetingBriefing.title', { meeting: code }),
          instructions: p.t('task.meetingBriefing.instructions', { meeting: code, title }),
          assigneeId: briefingAuthorId,
          ...due,
        }),
      ),
    );

    await p.enterPhase('mission-notices');
    const [federalAnswer] = await Promise.all([
      federal.request(`mission to ${partner}`, timing.federalResponseTimeoutMs, 'wait.missionNotices'),
      condition(() => hostConfirmed !== undefined),
    ]);
    p.details.federalAnswer = federalAnswer.decision;

    await p.enterPhase('mission');
    if (!(await sessions.hold('mission', { attendance: false, debrief: false, ...due }))) {
      const planned = (p.details.sessions as Array<{ key: string; date: string }>).find((s) => s.key === 'mission');
      return p.close(
        'withdrawn',
        input.coordinatorId,
        p.t('audit.missionCancelled', { label: missionLabel(planned?.date ?? input.missionDate) }),
      );
    }

    await p.enterPhase('follow-up-actions');
    p.waitFor('tasks', 'wait.followUpActions');
    const [report] = await Promise.all([
      p.tasks.run({
        step: 'report',
        kind: 'report',
        title: p.t('task.missionReport.title', { what }),
        instructions: p.t('task.missionReport.instructions', { title }),
        assigneeId: input.coordinatorId,
        requiredFields: { pursueAgreement: YES_NO },
        ...due,
      }),
      ...input.followUpActions.map(({ action, ownerId, dueAt }) =>
        p.tasks.run({
          step: `follow-up/${action}`,
          kind: 'follow-up-action',
          title: p.t('task.followUpAction.title', { action }),
          instructions: p.t('task.followUpAction.instructions', { action, title }),
          assigneeId: ownerId,
          dueAt,
          remindBeforeMs: timing.taskReminderBeforeMs,
        }),
      ),
    ]);
    if (report.deliverable?.fields?.pursueAgreement !== 'yes') {
      return p.close('concluded', input.coordinatorId, p.t('audit.missionReported'));
    }

    await p.enterPhase('agreement-preparation');
    p.waitFor('tasks', 'wait.agreementPreparation');
    const prepared = await p.tasks.run({
      step: 'agreement-preparation',
      kind: 'agreement-preparation',
      title: p.t('task.agreementPreparation.title', { partner }),
      instructions: p.t('task.agreementPreparation.instructions'),
      assigneeId: input.coordinatorId,
      requiredFields: {
        negotiatorId: PERSON,
        legalAdvisorId: PERSON,
        mandateApproverId: PERSON,
        firstRoundDate: DATE,
        signatureDate: DATE,
      },
      ...due,
    });
    const fields = prepared.deliverable?.fields ?? {};
    const iso = (value: string | undefined) => new Date(value ?? Date.now()).toISOString();
    const { agreement } = input;
    const workflowId = await startLinkedParticipation(p, agreement, {
      businessKey: `${input.businessKey.slice(0, 72)}-entente`,
      title: p.t('agreement.title', { partner, title }).slice(0, 200),
      fields: {
        counterpartType: 'federated-state',
        counterpartCode: partner,
        mandateApproverIds: [fields.mandateApproverId],
        negotiatorId: fields.negotiatorId,
        legalAdvisorId: fields.legalAdvisorId,
        rounds: [{ date: iso(fields.firstRoundDate) }],
        signatureDate: iso(fields.signatureDate),
        important: false,
        followUpReports: agreement.followUpReports,
        timing: agreement.timing,
      },
    });
    return p.close('concluded', input.coordinatorId, p.t('audit.agreementStarted', { workflowId: workflowId ?? '—' }));
  });
}
