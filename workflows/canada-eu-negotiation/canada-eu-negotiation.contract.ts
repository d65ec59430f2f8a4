import { TASK_TIMING_KEYS, checkParticipationInput, isText, type ParticipationHeader, type TaskTiming } from '../kit/contracts';

export const CANADA_EU_WORKFLOW = 'canadaEuNegotiationWorkflow';

export const STAKEHOLDER_GROUPS = ['institutions', 'cities', 'universities', 'civil-society'] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export interface ChapterAssignment {
  /** Chapter code, e.g. `procurement`, `services`, `culture`, `agriculture`. */
  chapter: string;
  expertId: string;
}

export interface ConsultationGroup {
  group: StakeholderGroup;
  /** Who gathers this group's submissions before the closing date. */
  liaisonId: string;
}

export interface CanadaEuInput extends ParticipationHeader {
  kind: 'canada-eu-negotiation';
  chapters: ChapterAssignment[];
  consultation: ConsultationGroup[];
  mandateApproverIds: string[];
  timing: TaskTiming & { consultationMs: number };
}

export function validateCanadaEuInput(input: Partial<CanadaEuInput> | undefined): string[] {
  return checkParticipationInput(input, 'canada-eu-negotiation')
    .list('chapters', 1, (c) => isText(c.chapter) && isText(c.expertId), 'a chapter with an expertId')
    .list('consultation', 0, (g) => (STAKEHOLDER_GROUPS as readonly unknown[]).includes(g.group) && isText(g.liaisonId))
    .list('mandateApproverIds', 1)
    .timing(...TASK_TIMING_KEYS, 'consultationMs').problems;
}

export const OFFER_DIRECTIONS = ['offer', 'counter-offer'] as const;
export type OfferDirection = (typeof OFFER_DIRECTIONS)[number];

/** The EU tables an offer or a counter-offer on a chapter (event `eu.offer.received`): an analysis task opens. */
export interface EuOfferReceivedData {
  businessKey: string;
  chapter: string;
  direction: OfferDirection;
  reference: string;
}
