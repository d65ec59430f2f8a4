import { defineStrings } from '../kit/contracts';

/** What this kind says, in French and English: its name, phases, waits, tasks, timers, journal notes, and its own form fields and choices. */
export const washingtonWatchStrings = defineStrings({
  fr: {
    'kind.washington-watch': 'Veille à Washington (OEA, Banque mondiale)',
    'phase.monitoring': 'Veille',
    'phase.paused': 'Veille suspendue',
    'wait.nextReport': 'le prochain rapport de veille',
    'wait.monitoringPaused': 'la reprise de la veille',
    'task.monitoringReport.title': 'Rapport de veille {index} ({date})',
    'task.monitoringReport.instructions': 'Rédiger le rapport de veille sur {institutions}.',
    'audit.monitoringPaused': 'Veille suspendue par {actorId}.',
    'audit.monitoringResumed': 'Veille reprise par {actorId}.',
    'field.institutions': 'Institutions suivies',
    'option.oas': 'Organisation des États américains',
    'option.world-bank': 'Banque mondiale',
  },
  en: {
    'kind.washington-watch': 'Washington watch (OAS, World Bank)',
    'phase.monitoring': 'Monitoring',
    'phase.paused': 'Monitoring paused',
    'wait.nextReport': 'the next monitoring report',
    'wait.monitoringPaused': 'the monitoring to resume',
    'task.monitoringReport.title': 'Monitoring report {index} ({date})',
    'task.monitoringReport.instructions': 'Write the monitoring report on {institutions}.',
    'audit.monitoringPaused': 'Monitoring paused by {actorId}.',
    'audit.monitoringResumed': 'Monitoring resumed by {actorId}.',
    'field.institutions': 'Institutions followed',
    'option.oas': 'Organization of American States',
    'option.world-bank': 'World Bank',
  },
});
