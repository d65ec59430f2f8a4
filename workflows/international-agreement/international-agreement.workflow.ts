import { condition } from '@temporalio/workflow';
import { choiceOf, DATE, TEXT, type MessageKey, type ParticipationResult, type RequiredFields } from '../kit/contracts';
import { ApprovalGate } from '../kit/approval';
import { draftUntilDecided } from '../kit/draft-and-approve';
import { FederalCoordination } from '../kit/federal-coordination';
import { Participation } from '../kit/participation';
import { runReportingCycles } from '../kit/reporting-cycle';
import { RoundDecisionGate } from '../kit/round-decision';
import { SessionCalendar } from '../kit/session-calendar';
import { assertValidInput } from '../kit/valid-input';
import {
  validateInternationalAgreementInput,
  type AgreementInForceData,
  type AgreementTerminatedData,
  type InternationalAgreementInput,
} from './international-agreement.contract';
import { internationalAgreementStrings } from './international-agreement.strings';

/**
 * An agreement (entente) with a foreign state, a federated state or an
 * international organization, as the ministry's procedure goes: an approved
 * negotiation mandate; drafting rounds with the counterpart (each a session,
 * movable, then the round's decision); legal review; notice to the federal
 * government for a foreign state; the government's decree; the signature
 * (movable); for an important commitment, the National Assembly then
 * ratification; entry into force, announced by the counterpart; publication in
 * the Recueil; then the follow-up committee's periodic reports, for years
 * (continue-as-new), until expiry, renewal or termination.
 */
export async function internationalAgreementWorkflow(input: InternationalAgreementInput): Promise<ParticipationResult> {
  assertValidInput(() => validateInternationalAgreementInput(input));
  const p = new Participation(input, internationalAgreementStrings, input.carried);
  const mandate = new ApprovalGate(p, 'mandate-approval', input.mandateApproverIds, input.timing);
  const roundEnd = new RoundDecisionGate(p, 'round-end');
  const federal = new FederalCoordination(p, 'federal-notice');
  const sessions = new SessionCalendar(p);
  const { timing, title } = input;
  const due = { dueInMs: timing.taskDueMs, remindBeforeMs: timing.taskReminderBeforeMs };
  const counterpart = input.counterpartCode;
  let terminated: AgreementTerminatedData | undefined;
  Object.assign(p.details, { counterpartCode: counterpart, counterpartType: input.counterpartType, important: input.important });

  p.events.on('agreement.entered-into-force', async (event) => {
    const data = event.data as unknown as AgreementInForceData;
    if (p.phase !== 'entry-into-force' || p.details.inForceOn) {
      return p.events.ignore(event, 'reject.notAwaitingEntryIntoForce', { phase: p.phase });
    }
    p.details.inForceOn = new Date(data.inForceOn).toISOString();
  });
  p.events.on('agreement.terminated', async (event) => {
    if (p.phase !== 'follow-up' || terminated) return p.events.ignore(event, 'reject.notInFollowUp', { phase: p.phase });
    terminated = event.data as unknown as AgreementTerminatedData;
  });

  const roundLabel = (round: number, date: string) => p.t('session.agreementRound', { round, counterpart, date: date.slice(0, 10) });
  const signatureLabel = (date: string) => p.t('session.agreementSignature', { counterpart, date: date.slice(0, 10) });
  if (!input.resume) {
    // Planned from the start, so that any of them can be moved or cancelled before its turn.
    input.rounds.forEach(({ date }, i) =>
      sessions.plan({ key: `round-${i + 1}`, date, leadId: input.negotiatorId, label: (at) => roundLabel(i + 1, at) }),
    );
    sessions.plan({ key: 'signature', date: input.signatureDate, leadId: input.coordinatorId, label: signatureLabel });
  }

  /** One task for the coordinator, awaited, with the fields its deliverable must carry. */
  const step = async (phase: string, kind: string, key: string, fields?: RequiredFields) => {
    await p.enterPhase(phase);
    p.waitFor('tasks', `wait.${key}` as MessageKey);
    return p.tasks.run({
      step: kind,
      kind,
      title: p.t(`task.${key}.title` as MessageKey, { title }),
      instructions: p.t(`task.${key}.instructions` as MessageKey, { title }),
      assigneeId: kind === 'legal-review' ? input.legalAdvisorId : input.coordinatorId,
      requiredFields: fields,
      ...due,
    });
  };

  const draftingRounds = async () => {
    for (let round = 1; ; round += 1) {
      p.details.round = round;
      await p.enterPhase('drafting-round');
      const key = `round-${round}`;
      if (round > input.rounds.length) {
        p.waitFor('tasks', 'wait.agreementRoundDate', { round });
        const dated = await p.tasks.run({
          step: `${key}/date`,
          kind: 'round-scheduling',
          title: p.t('task.agreementRoundDate.title', { round }),
          instructions: p.t('task.agreementRoundDate.instructions', { round, counterpart }),
          assigneeId: input.coordinatorId,
          requiredFields: { date: DATE },
          ...due,
        });
        const date = new Date(dated.deliverable?.fields?.date ?? Date.now()).toISOString();
        sessions.plan({ key, date, leadId: input.negotiatorId, label: (at) => roundLabel(round, at) });
      }
      p.waitFor('tasks', 'wait.agreementPositions', { round });
      await p.tasks.run({
        step: `${key}/positions`,
        kind: 'position',
        title: p.t('task.agreementPositions.title', { round, counterpart }),
        instructions: p.t('task.agreementPositions.instructions', { round, title }),
        assigneeId: input.negotiatorId,
        ...due,
      });
      // A cancelled session still ends the round: the coordinator decides what comes next.
      await sessions.hold(key, { attendance: false, debrief: true, ...due });
      await p.enterPhase('round-end');
      const end = await roundEnd.await(round);
      if (end.decision !== 'next-round') return end;
    }
  };

  const beforeFollowUp = async (): Promise<ParticipationResult | undefined> => {
    const decision = await draftUntilDecided(p, mandate, {
      draftPhase: 'mandate-drafting',
      approvalPhase: 'mandate-approval',
      waitKey: 'wait.mandateDecision',
      draft: async (revision) => {
        p.waitFor('tasks', 'wait.agreementMandate', { revision });
        await p.tasks.run({
          step: `mandate/r${revision}`,
          kind: 'mandate',
          title: p.t('task.agreementMandate.title', { counterpart, revision }),
          instructions: p.t('task.agreementMandate.instructions', { counterpart, title }),
          assigneeId: input.coordinatorId,
          ...due,
        });
      },
    });
    if (decision.decision === 'reject') return p.close('withdrawn', decision.approverId, decision.comments);

    const rounds = await draftingRounds();
    if (rounds.decision === 'suspended') return p.close('suspended', rounds.actorId, rounds.summary);

    const review = await step('legal-review', 'legal-review', 'legalReview', { opinion: choiceOf('favourable', 'reservations') });
    p.details.legalOpinion = review.deliverable?.fields?.opinion;

    if (input.counterpartType === 'foreign-state') {
      await p.enterPhase('federal-notice');
      // A notice, not a request for consent: the answer is recorded and the procedure goes on.
      const answer = await federal.request(`agreement with ${counterpart}`, timing.federalResponseTimeoutMs, 'wait.federalNotice');
      p.details.federalAnswer = answer.decision;
    }

    const decree = await step('government-decree', 'government-decree', 'governmentDecree', { decree: choiceOf('adopted', 'refused') });
    if (decree.deliverable?.fields?.decree !== 'adopted') {
      return p.close('withdrawn', input.coordinatorId, p.t('audit.agreementDecreeRefused'));
    }
    p.details.decree = decree.deliverable?.summary;

    await p.enterPhase('signature');
    if (!(await sessions.hold('signature', { attendance: true, debrief: false, ...due }))) {
      return p.close(
        'withdrawn',
        input.coordinatorId,
        p.t('audit.signatureCancelled', { label: sessions.labelOf('signature') ?? signatureLabel(input.signatureDate) }),
      );
    }

    if (input.important) {
      await step('national-assembly', 'assembly-tabling', 'assemblyTabling');
      const vote = await step('national-assembly', 'assembly-vote', 'assemblyVote', { vote: choiceOf('approved', 'rejected') });
      if (vote.deliverable?.fields?.vote !== 'approved') return p.close('withdrawn', input.coordinatorId, p.t('audit.assemblyRejected'));
      await step('ratification', 'ratification', 'agreementRatification');
    }

    await p.enterPhase('entry-into-force');
    p.waitFor('counterpart', 'wait.entryIntoForce', { counterpart });
    await condition(() => p.details.inForceOn !== undefined);

    const published = await step('publication', 'publication', 'recueilPublication', { recueilReference: TEXT });
    p.details.recueilReference = published.deliverable?.fields?.recueilReference;
    await p.enterPhase('follow-up');
    return undefined;
  };

  return p.run(async () => {
    if (!input.resume) {
      const closed = await beforeFollowUp();
      if (closed) return closed;
    }
    const resume = input.resume ?? { anchorAt: new Date(Date.now()).toISOString(), nextCycle: 1, term: 1 };
    const { term } = resume;
    p.details.term = term;
    const total = input.followUpReports;
    const cycles = runReportingCycles(p, {
      position: resume,
      total,
      periodMs: timing.reportPeriodMs,
      cyclesPerRun: timing.cyclesPerRun,
      report: (cycle) => ({
        step: `follow-up/t${term}/${cycle}`,
        kind: 'report',
        title: p.t('task.followUpReport.title', { cycle, total, term }),
        instructions: p.t('task.followUpReport.instructions', { cycle, title }),
        assigneeId: input.coordinatorId,
        ...due,
      }),
    });
    const ended = await Promise.race([
      cycles.then((next) => ({ next })),
      condition(() => terminated !== undefined).then(() => 'terminated' as const),
    ]);
    if (ended === 'terminated') {
      return p.close('withdrawn', 'external', terminated?.note ?? p.t('audit.agreementTerminated', { counterpart }));
    }
    if (ended.next) {
      const next = { ...ended.next, term };
      return p.continueAsNew<typeof internationalAgreementWorkflow>(() => ({ ...input, resume: next }));
    }

    const renewal = await step('renewal', 'renewal', 'agreementRenewal', { decision: choiceOf('renew', 'expire') });
    if (renewal.deliverable?.fields?.decision === 'renew') {
      await p.journalEntry(`renewal/${term}`, 'agreement.renewed', input.coordinatorId, { term: term + 1 });
      await p.enterPhase('follow-up');
      const next = { anchorAt: new Date(Date.now()).toISOString(), nextCycle: 1, term: term + 1 };
      return p.continueAsNew<typeof internationalAgreementWorkflow>(() => ({ ...input, resume: next }));
    }
    return p.close('concluded', input.coordinatorId, p.t('audit.agreementExpired', { term }));
  });
}
