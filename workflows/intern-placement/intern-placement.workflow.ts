import { condition, sleep } from '@temporalio/workflow';
import { TEXT, YES_NO, type ParticipationResult } from '../kit/contracts';
import { Participation } from '../kit/participation';
import { assertValidInput } from '../kit/valid-input';
import { validateInternPlacementInput, type InternOfferAnswerData, type InternPlacementInput } from './intern-placement.contract';
import { internPlacementStrings } from './intern-placement.strings';

/**
 * An intern placed in an international organization: the application is
 * screened by the intern office (any member takes the task), matched to an
 * organization whose offer the intern accepts or declines by event before a
 * deadline (else matching starts over), pre-departure steps, then the
 * placement period with its mid-term and final reports.
 */
export async function internPlacementWorkflow(input: InternPlacementInput): Promise<ParticipationResult> {
  assertValidInput(validateInternPlacementInput(input));
  const p = new Participation(input, internPlacementStrings);
  const { timing } = input;
  const due = { dueInMs: timing.taskDueMs, remindBeforeMs: timing.taskReminderBeforeMs };
  let answer: (InternOfferAnswerData & { accepted: boolean }) | undefined;
  p.details.internId = input.internId;

  // The application event that started the participation (signal-with-start) is already journaled; nothing more to do.
  p.events.on('intern.application.received', () => undefined);
  const onAnswer =
    (accepted: boolean) => async (event: { eventId: string; type: string; occurredAt: string; data: Record<string, unknown> }) => {
      const data = event.data as unknown as InternOfferAnswerData;
      if (p.phase !== 'offer' || answer || data.organization !== p.details.organization) {
        return p.events.ignore(event, 'reject.notWaitingOffer', { organization: String(data.organization) });
      }
      answer = { ...data, accepted };
    };
  p.events.on('intern.offer.accepted', onAnswer(true));
  p.events.on('intern.offer.declined', onAnswer(false));

  const waitUntil = async (iso: string, key: 'timer.placementStart' | 'timer.placementMidterm' | 'timer.placementEnd') => {
    const waitMs = Date.parse(iso) - Date.now();
    if (waitMs > 0) await sleep(waitMs, { summary: p.t(key, { date: iso }) });
  };

  return p.run(async () => {
    await p.enterPhase('application');
    await p.journalEntry('application', 'intern.application', input.internId, { internId: input.internId });

    await p.enterPhase('eligibility-screening');
    p.waitFor('tasks', 'wait.screening', { group: input.screeningGroup });
    const screening = await p.tasks.run({
      step: 'screening',
      kind: 'eligibility-screening',
      title: p.t('task.screening.title', { internId: input.internId }),
      instructions: p.t('task.screening.instructions', { internId: input.internId, title: input.title }),
      candidateGroup: input.screeningGroup,
      requiredFields: { eligible: YES_NO },
      ...due,
    });
    if (screening.deliverable?.fields?.eligible === 'no') {
      return p.close('withdrawn', screening.assigneeId ?? input.coordinatorId, screening.deliverable.summary);
    }

    for (let attempt = 1; ; attempt += 1) {
      await p.enterPhase('matching');
      p.waitFor('tasks', 'wait.matching', { attempt });
      const match = await p.tasks.run({
        step: `matching/${attempt}`,
        kind: 'matching',
        title: p.t('task.matching.title', { internId: input.internId, attempt }),
        instructions: p.t('task.matching.instructions', { internId: input.internId }),
        assigneeId: input.coordinatorId,
        requiredFields: { organization: TEXT },
        ...due,
      });
      p.details.organization = match.deliverable?.fields?.organization;
      answer = undefined;
      await p.enterPhase('offer');
      const deadline = new Date(Date.now() + timing.offerDeadlineMs).toISOString();
      p.waitFor('offer', 'wait.offer', { organization: String(p.details.organization) }, deadline);
      p.refreshTaskAttributes(deadline);
      const answered = await condition(() => answer !== undefined, timing.offerDeadlineMs, {
        summary: p.t('timer.offerDeadline', { date: deadline }),
      });
      p.refreshTaskAttributes();
      // Set by an event handler meanwhile, which the compiler cannot see.
      const received = answer as { accepted: boolean } | undefined;
      if (answered && received?.accepted) break;
      const note = p.t(answered ? 'audit.offerDeclined' : 'audit.offerExpired', { organization: String(p.details.organization) });
      await p.journalEntry(`offer/${attempt}`, answered ? 'intern.offer.declined' : 'intern.offer.expired', 'workflow', undefined, note);
    }

    await p.enterPhase('pre-departure');
    p.waitFor('tasks', 'wait.preDeparture', { total: input.preDeparture.length });
    await Promise.all(
      input.preDeparture.map((step) =>
        p.tasks.run({
          step: `pre-departure/${step}`,
          kind: 'pre-departure',
          title: p.t('task.preDeparture.title', { step }),
          instructions: p.t('task.preDeparture.instructions', { step, organization: String(p.details.organization) }),
          assigneeId: input.internId,
          ...due,
        }),
      ),
    );

    await p.enterPhase('placement');
    const startMs = Date.parse(input.placementStartsAt);
    const endMs = Date.parse(input.placementEndsAt);
    p.waitFor('placement', 'wait.placementStart', {}, input.placementStartsAt);
    await waitUntil(input.placementStartsAt, 'timer.placementStart');
    const midterm = new Date(startMs + Math.floor((endMs - startMs) / 2)).toISOString();
    p.waitFor('placement', 'wait.placementMidterm', {}, midterm);
    await waitUntil(midterm, 'timer.placementMidterm');
    const report = (which: 'midterm' | 'final') =>
      p.tasks.run({
        step: `report/${which}`,
        kind: 'report',
        title: p.t(`task.internReport.${which}` as 'task.internReport.final', { internId: input.internId }),
        instructions: p.t('task.internReport.instructions', { organization: String(p.details.organization) }),
        assigneeId: input.internId,
        ...due,
      });
    p.waitFor('tasks', 'wait.midtermReport');
    await report('midterm');
    p.waitFor('placement', 'wait.placementEnd', {}, input.placementEndsAt);
    await waitUntil(input.placementEndsAt, 'timer.placementEnd');
    p.waitFor('tasks', 'wait.finalReport');
    await report('final');
    return p.close('concluded', input.internId, p.t('audit.placementCompleted', { organization: String(p.details.organization) }));
  });
}
