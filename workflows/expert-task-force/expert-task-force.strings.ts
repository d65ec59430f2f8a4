import { defineStrings } from '../kit/contracts';

/** What this kind says, in French and English: its name, phases, waits, tasks, timers, journal notes, and its own form fields and choices. */
export const expertTaskForceStrings = defineStrings({
  fr: {
    'kind.expert-task-force': 'Expert dans un groupe de travail international',
    'phase.federal-clearance': 'Autorisation fédérale',
    'phase.task-force-meetings': 'Réunions du groupe de travail',
    'wait.federalClearance': 'l’autorisation fédérale de l’expert',
    'wait.expertReport': 'le rapport {index} sur {total} de l’expert',
    'task.expertReport.title': 'Rapport {index} sur {total} de l’expert',
    'task.expertReport.instructions': 'Rédiger le rapport {index} pour {title}.',
    'field.reportCount': 'Nombre de rapports',
  },
  en: {
    'kind.expert-task-force': 'Expert in an international task force',
    'phase.federal-clearance': 'Federal clearance',
    'phase.task-force-meetings': 'Task force meetings',
    'wait.federalClearance': 'the federal government’s clearance of the expert',
    'wait.expertReport': 'the expert’s report {index} of {total}',
    'task.expertReport.title': 'Expert report {index} of {total}',
    'task.expertReport.instructions': 'Write report {index} for {title}.',
    'field.reportCount': 'Number of reports',
  },
});
