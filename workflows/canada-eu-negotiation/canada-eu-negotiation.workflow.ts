import { ApprovalGate } from '../kit/approval';
import { type MessageKey, type ParticipationResult } from '../kit/contracts';
import { draftUntilDecided } from '../kit/draft-and-approve';
import { Participation } from '../kit/participation';
import { RoundDecisionGate } from '../kit/round-decision';
import { assertValidInput } from '../kit/valid-input';
import { validateCanadaEuInput, type CanadaEuInput, type EuOfferReceivedData } from './canada-eu-negotiation.contract';
import { canadaEuNegotiationStrings } from './canada-eu-negotiation.strings';

interface OfferRecord {
  index: number;
  round: number;
  chapter: string;
  direction: string;
  reference: string;
}

/**
 * The Canada–EU trade and investment negotiation, round after round: a
 * stakeholder consultation with a closing date, an expert position per
 * chapter, mandate approval (with revisions), then the round itself, during
 * which every offer or counter-offer received as an event opens an analysis
 * task. The coordinator then opens the next round, or concludes or suspends.
 */
export async function canadaEuNegotiationWorkflow(input: CanadaEuInput): Promise<ParticipationResult> {
  assertValidInput(validateCanadaEuInput(input));
  const p = new Participation(input, canadaEuNegotiationStrings);
  const mandate = new ApprovalGate(p, 'mandate-approval', input.mandateApproverIds, input.timing);
  const roundEnd = new RoundDecisionGate(p, 'negotiation-round');
  const { timing } = input;
  const due = { dueInMs: timing.taskDueMs, remindBeforeMs: timing.taskReminderBeforeMs };
  const offers: OfferRecord[] = [];
  let round = 1;
  p.details.chapters = input.chapters.map((c) => c.chapter);
  p.details.round = round;
  p.details.offers = offers;

  const expertFor = (chapter: string) => input.chapters.find((c) => c.chapter === chapter)?.expertId ?? input.coordinatorId;

  // Offers arrive whenever the EU tables them, in any phase: each opens its own analysis task beside the round.
  p.events.on('eu.offer.received', (event) => {
    const data = event.data as unknown as EuOfferReceivedData;
    const offer: OfferRecord = {
      index: offers.length + 1,
      round,
      chapter: data.chapter,
      direction: data.direction,
      reference: data.reference,
    };
    offers.push(offer);
    const direction = p.t(`offer.${data.direction}` as MessageKey);
    p.background('offer analysis', () =>
      p.tasks.run({
        step: `offer/${offer.index}`,
        kind: 'offer-analysis',
        title: p.t('task.offerAnalysis.title', { direction, chapter: data.chapter, reference: data.reference }),
        instructions: p.t('task.offerAnalysis.instructions', { direction, chapter: data.chapter, round }),
        assigneeId: expertFor(data.chapter),
        priority: 'high',
        ...due,
      }),
    );
  });

  const consult = async () => {
    const closesAt = new Date(Date.now() + timing.consultationMs).toISOString();
    p.details.consultation = { round, closesAt };
    p.waitFor('consultation', 'wait.consultation', { round }, closesAt);
    const answers = await Promise.all(
      input.consultation.map(({ group, liaisonId }) => {
        const groupLabel = p.t(`stakeholders.${group}` as MessageKey);
        return p.tasks.run({
          step: `consultation/r${round}/${group}`,
          kind: 'consultation',
          title: p.t('task.consultation.title', { group: groupLabel, round }),
          instructions: p.t('task.consultation.instructions', { group: groupLabel, date: closesAt, title: input.title }),
          assigneeId: liaisonId,
          dueAt: closesAt,
          remindBeforeMs: timing.taskReminderBeforeMs,
          expiresAtDue: true,
        });
      }),
    );
    const received = answers.filter((a) => a.status === 'completed').length;
    p.details.consultation = { round, closesAt, received, expired: answers.length - received };
  };

  const positions = (revision: number) => {
    p.waitFor('tasks', 'wait.chapterPositions', { round, revision });
    return Promise.all(
      input.chapters.map(({ chapter, expertId }) =>
        p.tasks.run({
          step: `position/${chapter}/r${round}.${revision}`,
          kind: 'position',
          title: p.t('task.chapterPosition.title', { chapter, round, revision }),
          instructions: p.t('task.chapterPosition.instructions', { chapter, title: input.title }),
          assigneeId: expertId,
          ...due,
        }),
      ),
    );
  };

  return p.run(async () => {
    for (; ; round += 1) {
      p.details.round = round;
      await p.enterPhase('consultation');
      await consult();
      const decision = await draftUntilDecided(p, mandate, {
        draftPhase: 'chapter-positions',
        approvalPhase: 'mandate-approval',
        waitKey: 'wait.mandateDecision',
        draft: positions,
      });
      if (decision.decision === 'reject') return p.close('withdrawn', decision.approverId, decision.comments);
      await p.enterPhase('negotiation-round');
      const end = await roundEnd.await(round);
      if (end.decision !== 'next-round') return p.close(end.decision, end.actorId, end.summary);
    }
  });
}
