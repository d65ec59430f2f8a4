import { defineStrings } from '../kit/contracts';

/** What this kind says, in French and English: its name, phases, waits, tasks, timers and journal notes. */
export const regionalForumStrings = defineStrings({
  fr: {
    'kind.regional-forum': 'Forum régional',
    'phase.delegate-assignment': 'Désignation du délégué',
    'phase.briefing': 'Note d’information',
    'phase.forum-session': 'Session du forum',
    'forum.aer': 'Assemblée des régions d’Europe',
    'forum.regleg': 'REGLEG',
    'forum.partner-regions': 'Conférence des chefs de gouvernement des régions partenaires',
    'session.forum': '{forum}, {date}',
    'wait.delegate': 'la désignation du délégué',
    'wait.forumReport': 'le rapport du délégué : {label}',
    'task.delegate.title': 'Désigner le délégué au forum {forum}',
    'task.delegate.instructions': 'Désigner le délégué (champ delegateId) qui représentera le gouvernement à {forum} pour {title}.',
    'task.forumReport.title': 'Rapport de participation : {label}',
    'task.forumReport.instructions': 'Rédiger le rapport de participation à « {label} » pour {title}.',
    'audit.sessionCancelled': 'Session annulée : {label}.',
  },
  en: {
    'kind.regional-forum': 'Regional forum',
    'phase.delegate-assignment': 'Delegate assignment',
    'phase.briefing': 'Briefing note',
    'phase.forum-session': 'Forum session',
    'forum.aer': 'Assembly of European Regions',
    'forum.regleg': 'REGLEG',
    'forum.partner-regions': 'Conference of Heads of Government of Partner Regions',
    'session.forum': '{forum}, {date}',
    'wait.delegate': 'the delegate’s designation',
    'wait.forumReport': 'the delegate’s report: {label}',
    'task.delegate.title': 'Name the delegate to {forum}',
    'task.delegate.instructions': 'Name the delegate (field delegateId) who represents the government at {forum} for {title}.',
    'task.forumReport.title': 'Participation report: {label}',
    'task.forumReport.instructions': 'Write the participation report on "{label}" for {title}.',
    'audit.sessionCancelled': 'Session cancelled: {label}.',
  },
});
