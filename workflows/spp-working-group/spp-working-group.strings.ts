import { defineStrings } from '../kit/contracts';

/** What this kind says, in French and English: its name, phases, waits, tasks, timers, journal notes, and its own form fields and choices. */
export const sppWorkingGroupStrings = defineStrings({
  fr: {
    'kind.spp-working-group': 'Groupe de travail du Partenariat pour la sécurité et la prospérité',
    'phase.working-group': 'Travaux du groupe',
    'wait.workingGroup': '{deliverables} livrable(s) et {meetings} réunion(s)',
    'wait.progressReport': 'le rapport d’étape du groupe',
    'task.deliverable.title': 'Livrable « {code} »',
    'task.deliverable.instructions': 'Produire le livrable « {code} » du groupe de travail {group}.',
    'task.progressReport.title': 'Rapport d’étape du groupe {group}',
    'task.progressReport.instructions': 'Rédiger le rapport d’étape du groupe {group} pour {title}.',
    'field.workingGroup': 'Groupe de travail (code)',
    'field.deliverables': 'Livrables',
    'field.reportAuthorId': 'Auteur du rapport',
  },
  en: {
    'kind.spp-working-group': 'Security and Prosperity Partnership working group',
    'phase.working-group': 'Working group',
    'wait.workingGroup': '{deliverables} deliverable(s) and {meetings} meeting(s)',
    'wait.progressReport': 'the working group’s progress report',
    'task.deliverable.title': 'Deliverable "{code}"',
    'task.deliverable.instructions': 'Produce deliverable "{code}" of working group {group}.',
    'task.progressReport.title': 'Progress report of working group {group}',
    'task.progressReport.instructions': 'Write the progress report of working group {group} for {title}.',
    'field.workingGroup': 'Working group (code)',
    'field.deliverables': 'Deliverables',
    'field.reportAuthorId': 'Report author',
  },
});
