import { defineStrings } from '../kit/contracts';

/** What this kind says, in French and English: its name, phases, waits, tasks, timers, journal notes, and its own form fields and choices. */
export const wtoRoundStrings = defineStrings({
  fr: {
    'eventType.wto.session.scheduled': 'session annoncée ou déplacée par le secrétariat de l’OMC',
    'phase.federal-coordination': 'Coordination fédérale',
    'phase.negotiation-sessions': 'Sessions de négociation',
    'kind.wto-round': 'Ronde de négociation de l’OMC',
    'wait.positions': '{open} position(s) d’experts sur {total}',
    'wait.debrief': 'le compte rendu de la session {index}',
    'task.position.title': 'Position sur « {area} » (révision {revision})',
    'task.position.instructions': 'Rédiger la position du gouvernement sur le domaine « {area} » pour {title}.',
    'task.debrief.title': 'Compte rendu de la session {index} ({date})',
    'task.debrief.instructions': 'Rédiger le compte rendu de la session {index} de {title}.',
    'session.negotiation': 'Session de négociation {key} ({date})',
    'field.issueAreas': 'Domaines de négociation',
    'field.candidateGroup': 'ou groupe qui se partage la tâche',
  },
  en: {
    'eventType.wto.session.scheduled': 'session announced or moved by the WTO secretariat',
    'phase.federal-coordination': 'Federal coordination',
    'phase.negotiation-sessions': 'Negotiation sessions',
    'kind.wto-round': 'WTO negotiation round',
    'wait.positions': '{open} of {total} expert position(s)',
    'wait.debrief': 'the debrief of session {index}',
    'task.position.title': 'Position on "{area}" (revision {revision})',
    'task.position.instructions': 'Draft the government’s position on "{area}" for {title}.',
    'task.debrief.title': 'Debrief of session {index} ({date})',
    'task.debrief.instructions': 'Write the debrief of session {index} of {title}.',
    'session.negotiation': 'Negotiation session {key} ({date})',
    'field.issueAreas': 'Issue areas',
    'field.candidateGroup': 'or group that shares the task',
  },
});
