/*
 * What the engine tells the outside world: CloudEvents 1.0 built from the
 * journal entries the projection writes. The catalogue below is the kit's,
 * for every kind; a kind adds its own in its folder (`publishes` in
 * `<kind>.kind.ts`). docs/events.asyncapi.json is generated from the whole
 * catalogue, and a test checks that it matches.
 */

/** Reverse-DNS prefix of every published type, as CloudEvents recommends (the ministry's name: MRI, Québec). */
export const PUBLISHED_TYPE_PREFIX = 'ca.qc.mri.participations.';

/** The CloudEvents `source` of everything the engine publishes. */
export const PUBLISHED_SOURCE = 'urn:ca:qc:mri:participations';

export interface PublishedEventType {
  /** The CloudEvent `type`, without PUBLISHED_TYPE_PREFIX. */
  type: string;
  /** The journal actions that publish it (`approval.*` style prefixes end with a dot). */
  actions: readonly string[];
  /** What the event says, for people reading the catalogue. */
  description: { fr: string; en: string };
}

export const KIT_PUBLISHED_EVENTS: readonly PublishedEventType[] = [
  {
    type: 'participation.launched',
    actions: ['participation.launched'],
    description: { fr: 'Une participation est lancée.', en: 'A participation was launched.' },
  },
  {
    type: 'participation.phase-changed',
    actions: ['participation.phase'],
    description: { fr: 'Une participation change de phase.', en: 'A participation moved to another phase.' },
  },
  {
    type: 'task.opened',
    actions: ['task.opened'],
    description: { fr: 'Une tâche est ouverte pour une personne ou un groupe.', en: 'A task was opened for a person or a group.' },
  },
  {
    type: 'task.completed',
    actions: ['task.completed'],
    description: { fr: 'Une tâche est terminée (livrable remis).', en: 'A task was completed (deliverable handed in).' },
  },
  {
    type: 'task.overdue',
    actions: ['task.overdue'],
    description: { fr: 'Une tâche a dépassé son échéance.', en: 'A task went past its due date.' },
  },
  {
    type: 'approval.decided',
    actions: ['approval.'],
    description: {
      fr: 'Une approbation est décidée (approuvée, refusée, à réviser).',
      en: 'An approval was decided (approved, rejected, revise).',
    },
  },
  {
    type: 'participation.closed',
    actions: ['participation.closed', 'participation.cancelled'],
    description: { fr: 'Une participation est terminée ou annulée.', en: 'A participation was closed or cancelled.' },
  },
];

/**
 * Fields of free text that people write (notes, deliverables, instructions,
 * closing summaries): inside Temporal the payload codec encrypts them, so a
 * published event carries them only to subscribers allowed to read them
 * (`includeProtected`), in its data's `protected` member.
 */
export const PROTECTED_EVENT_FIELDS = ['note', 'deliverable', 'instructions', 'summary', 'comments'] as const;

/** The catalogue entry that publishes `action`, if any. */
export function publishedTypeFor(catalogue: readonly PublishedEventType[], action: string): PublishedEventType | undefined {
  return catalogue.find((entry) => entry.actions.some((a) => (a.endsWith('.') ? action.startsWith(a) : action === a)));
}
