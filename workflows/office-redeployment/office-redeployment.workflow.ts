import { condition, sleep } from '@temporalio/workflow';
import { readableDate, type MessageKey, type ParticipationResult } from '../kit/contracts';
import { ApprovalGate } from '../kit/approval';
import { draftUntilDecided } from '../kit/draft-and-approve';
import { FederalCoordination } from '../kit/federal-coordination';
import { Participation } from '../kit/participation';
import { SessionCalendar } from '../kit/session-calendar';
import { assertValidInput } from '../kit/valid-input';
import { validateOfficeRedeploymentInput, type HostAcknowledgedData, type OfficeRedeploymentInput } from './office-redeployment.contract';
import { officeRedeploymentStrings } from './office-redeployment.strings';

/** Phases in which the host country may still acknowledge the notice. */
const BEFORE_PREPARATIONS = ['launched', 'office-proposal', 'office-analysis', 'government-decision', 'office-notices'];

/**
 * Opening, upgrading, moving or closing a delegation or office abroad: a
 * proposal with its rationale and cost, its analysis, the government's
 * decision (revisions go back to the proposal), notices to the federal
 * government and the host country (both answer from outside), premises and
 * staffing tasks, the effective date (a dated step, movable), and a review
 * one year later on a durable timer.
 */
export async function officeRedeploymentWorkflow(input: OfficeRedeploymentInput): Promise<ParticipationResult> {
  assertValidInput(() => validateOfficeRedeploymentInput(input));
  const p = new Participation(input, officeRedeploymentStrings);
  const decision = new ApprovalGate(p, 'government-decision', input.decisionApproverIds, input.timing);
  const federal = new FederalCoordination(p, 'office-notices');
  const sessions = new SessionCalendar(p);
  const { timing, title } = input;
  const due = { dueInMs: timing.taskDueMs, remindBeforeMs: timing.taskReminderBeforeMs };
  const what = p.t(`officeAction.${input.action}` as MessageKey, { office: input.officeCode });
  let hostAcknowledged: HostAcknowledgedData | undefined;
  Object.assign(p.details, {
    action: input.action,
    officeCode: input.officeCode,
    countryCode: input.countryCode,
    estimatedCost: input.estimatedCost,
  });

  p.events.on('office.host.acknowledged', async (event) => {
    if (hostAcknowledged || !BEFORE_PREPARATIONS.includes(p.phase)) {
      return p.events.ignore(event, 'reject.notWaitingHostCountry', { phase: p.phase });
    }
    hostAcknowledged = event.data as unknown as HostAcknowledgedData;
    p.details.hostAcknowledged = true;
  });

  const label = (date: string) => p.t('session.effective', { what, date: date.slice(0, 10) });
  // Planned from the start, so that the date can be moved (or cancelled) at any time before it comes.
  sessions.plan({ key: 'effective', date: input.effectiveDate, leadId: input.coordinatorId, label });

  return p.run(async () => {
    const decided = await draftUntilDecided(p, decision, {
      draftPhase: 'office-proposal',
      approvalPhase: 'government-decision',
      // The kit's type knows only its own words; this kind's are found the same way at run time.
      waitKey: 'wait.officeDecision' as MessageKey,
      draft: async (revision) => {
        p.waitFor('tasks', 'wait.officeProposal', { revision });
        await p.tasks.run({
          step: `proposal/r${revision}`,
          kind: 'proposal',
          title: p.t('task.officeProposal.title', { what, revision }),
          instructions: p.t('task.officeProposal.instructions', { title, rationale: input.rationale, cost: input.estimatedCost }),
          assigneeId: input.coordinatorId,
          ...due,
        });
        await p.enterPhase('office-analysis');
        p.waitFor('tasks', 'wait.officeAnalysis', { revision });
        await p.tasks.run({
          step: `analysis/r${revision}`,
          kind: 'analysis',
          title: p.t('task.officeAnalysis.title', { what, revision }),
          instructions: p.t('task.officeAnalysis.instructions', { title }),
          assigneeId: input.analystId,
          ...due,
        });
      },
    });
    if (decided.decision === 'reject') return p.close('withdrawn', decided.approverId, decided.comments ?? p.t('audit.officeRejected'));

    await p.enterPhase('office-notices');
    const [federalAnswer] = await Promise.all([
      federal.request(`office ${input.officeCode}: ${input.action}`, timing.federalResponseTimeoutMs, 'wait.officeNotices'),
      condition(() => hostAcknowledged !== undefined),
    ]);
    p.details.federalAnswer = federalAnswer.decision;

    await p.enterPhase('office-preparations');
    p.waitFor('tasks', 'wait.officePreparations', { total: input.preparations.length });
    await Promise.all(
      input.preparations.map(({ code, area, ownerId }) => {
        const areaLabel = p.t(`area.${area}` as MessageKey);
        return p.tasks.run({
          step: `preparation/${code}`,
          kind: area,
          title: p.t('task.officePreparation.title', { area: areaLabel, step: code }),
          instructions: p.t('task.officePreparation.instructions', { area: areaLabel, step: code, title }),
          assigneeId: ownerId,
          ...due,
        });
      }),
    );

    await p.enterPhase('effective-date');
    if (!(await sessions.hold('effective', { attendance: false, debrief: false, ...due }))) {
      return p.close('withdrawn', input.coordinatorId, p.t('audit.effectiveDateCancelled', { label: what }));
    }
    const effectiveAt = new Date(Date.now()).toISOString();
    p.details.effectiveAt = effectiveAt;

    await p.enterPhase('office-review');
    const reviewAt = new Date(Date.parse(effectiveAt) + timing.reviewDelayMs).toISOString();
    p.waitFor('review', 'wait.officeReview', {}, reviewAt);
    p.refreshTaskAttributes(reviewAt);
    await sleep(timing.reviewDelayMs, { summary: p.t('timer.officeReview', { date: readableDate(reviewAt) }) });
    p.waitFor('tasks', 'wait.officeReview');
    await p.tasks.run({
      step: 'review',
      kind: 'review',
      title: p.t('task.officeReview.title', { what }),
      instructions: p.t('task.officeReview.instructions', { title }),
      assigneeId: input.coordinatorId,
      ...due,
    });
    return p.close('concluded', input.coordinatorId, p.t('audit.officeReviewed'));
  });
}
