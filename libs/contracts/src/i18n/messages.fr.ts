/**
 * Every French string that people read: API errors, validation messages, the
 * summaries and details shown in the Temporal UI. English lives beside it in
 * messages.en.ts with exactly the same keys (the compiler checks).
 */
export const fr = {
  // API errors
  'error.validation': 'La requête contient des champs invalides.',
  'error.notFound': "{entity} « {id} » est introuvable.",
  'error.duplicateParticipation': 'La participation « {workflowId} » a déjà été lancée.',
  'error.participationClosed': 'La participation « {workflowId} » est terminée : elle ne reçoit plus de demandes.',
  'error.wrongState': 'Demande refusée dans l’état actuel : {reason}',
  'error.invalidInput': 'Demande invalide : {reason}',
  'error.notAllowed': 'Action non permise : {reason}',
  'error.unavailable': 'Service momentanément indisponible ({dependency}). Réessayez plus tard.',
  'error.payloadTooLarge': 'Le corps de la requête est trop volumineux.',
  'error.malformedRequest': 'La requête est mal formée : corps JSON ou adresse invalide.',
  'error.internal': 'Erreur interne. L’incident a été journalisé.',
  'entity.participation': 'La participation',
  'entity.task': 'La tâche',
  'entity.route': 'La ressource',

  // Validation messages, by class-validator constraint name
  'validation.isNotEmpty': '{field} ne doit pas être vide.',
  'validation.isString': '{field} doit être une chaîne de caractères.',
  'validation.isIn': '{field} doit être l’une des valeurs suivantes : {values}.',
  'validation.matches': '{field} n’a pas le format attendu.',
  'validation.maxLength': '{field} est trop long.',
  'validation.minLength': '{field} est trop court.',
  'validation.isArray': '{field} doit être une liste.',
  'validation.arrayMinSize': '{field} doit contenir au moins un élément.',
  'validation.arrayMaxSize': '{field} contient trop d’éléments.',
  'validation.arrayUnique': '{field} ne doit pas contenir de doublons.',
  'validation.isDateString': '{field} doit être une date ISO 8601.',
  'validation.isInt': '{field} doit être un nombre entier.',
  'validation.min': '{field} est trop petit.',
  'validation.max': '{field} est trop grand.',
  'validation.isUUID': '{field} doit être un identifiant UUID.',
  'validation.isBoolean': '{field} doit être vrai ou faux.',
  'validation.isObject': '{field} doit être un objet.',
  'validation.nested': '{field} doit être un objet valide.',
  'validation.whitelistValidation': '{field} n’est pas un champ accepté.',
  'validation.isFutureDate': '{field} doit être une date future.',
  'validation.unknown': '{field} est invalide.',

  // Phases, as supervisors read them
  'phase.launched': 'Lancement',
  'phase.federal-coordination': 'Coordination fédérale',
  'phase.position-drafting': 'Rédaction des positions',
  'phase.mandate-approval': 'Approbation du mandat',
  'phase.negotiation-sessions': 'Sessions de négociation',
  'phase.closing': 'Clôture',
  'phase.closed': 'Terminée',

  // Temporal UI: static summary and details, current details
  'ui.summary': '{kindLabel} — {title}',
  'ui.details':
    '**Participation** : {title}\n**Forum** : {forum}\n**Coordonnateur** : {coordinatorId}\n**Lancée le** : {startedAt}',
  'ui.current': '**Phase** : {phase}\n**En attente de** : {waitingFor}',
  'ui.currentWithDeadline': '**Phase** : {phase}\n**En attente de** : {waitingFor}\n**Échéance** : {until}',
  'ui.closed': '**Terminée** : {outcome}',
  'kind.wto-round': 'Ronde de négociation de l’OMC',
  'wait.federalResponse': 'la réponse du gouvernement fédéral (siège dans l’équipe canadienne)',
  'wait.federalResponseEscalated': 'la réponse du gouvernement fédéral — relance au coordonnateur envoyée',
  'wait.positions': '{open} position(s) d’experts sur {total}',
  'wait.mandateDecision': 'la décision sur le mandat (révision {revision})',
  'wait.sessionDate': 'la session {index} sur {total}',
  'wait.debrief': 'le compte rendu de la session {index}',
  'wait.closingDecision': 'la décision de clôture du coordonnateur',
  'outcome.concluded': 'conclue',
  'outcome.suspended': 'suspendue',
  'outcome.withdrawn': 'retrait',
  'outcome.cancelled': 'annulée',

  // Tasks and timers, as titles and summaries
  'task.position.title': 'Position sur « {area} » (révision {revision})',
  'task.position.instructions': 'Rédiger la position du gouvernement sur le domaine « {area} » pour {title}.',
  'task.debrief.title': 'Compte rendu de la session {index} ({date})',
  'task.debrief.instructions': 'Rédiger le compte rendu de la session {index} de {title}.',
  'timer.session': 'Session {index} de {total}, le {date}',
  'timer.federalDeadline': 'Échéance de la réponse fédérale, {date}',
  'activity.phase': 'Passage à la phase « {phase} »',
  'activity.openTask': 'Ouverture de la tâche « {title} », échéance {date}',
  'audit.federalEscalation': 'Aucune réponse fédérale à l’échéance : relance au coordonnateur.',
  'audit.taskOverdue': 'Tâche en retard : « {title} ».',
  'audit.taskReminder': 'Rappel : la tâche « {title} » arrive à échéance le {date}.',

  // Workflow rejections (returned to the API as a reason)
  'reject.noSuchTask': 'aucune tâche « {taskId} » dans cette participation',
  'reject.taskNotOpen': 'la tâche « {taskId} » est déjà {status}',
  'reject.notWaitingFederal': 'la participation n’attend pas de réponse fédérale (phase : {phase})',
  'reject.notWaitingApproval': 'la participation n’attend pas de décision d’approbation (phase : {phase})',
  'reject.notApprover': '« {actorId} » ne fait pas partie des approbateurs de ce mandat',
  'reject.commentsRequired': 'des commentaires sont requis pour demander une révision ou rejeter',
  'reject.notClosing': 'la participation n’est pas en phase de clôture (phase : {phase})',
  'reject.alreadyClosed': 'la participation est déjà terminée ou en cours d’annulation',
  'reject.invalidInput': 'entrée du workflow invalide : {reason}',

  // Notifications (e-mail and webhook), in the recipient's language
  'notify.greeting': 'Bonjour {name},',
  'notify.inbox': 'Votre boîte de tâches : {link}',
  'notify.signature': 'Message automatique du suivi des participations. Merci de ne pas y répondre.',
  'notify.taskOpened.subject': 'Nouvelle tâche : « {task} »',
  'notify.taskOpened.body':
    'Une tâche vous est assignée dans la participation « {participation} » : « {task} ».\nÉchéance : {due}.',
  'notify.taskOpenedGroup.subject': 'Tâche à prendre en charge : « {task} »',
  'notify.taskOpenedGroup.body':
    'Une tâche est proposée à votre groupe « {group} » dans la participation « {participation} » : « {task} ».\nÉchéance : {due}. La personne qui la prend en charge en devient responsable.',
  'notify.taskReminder.subject': 'Rappel : « {task} » arrive à échéance le {due}',
  'notify.taskReminder.body':
    'La tâche « {task} » de la participation « {participation} » arrive à échéance le {due}.',
  'notify.taskOverdue.subject': 'Tâche en retard : « {task} »',
  'notify.taskOverdue.body':
    'La tâche « {task} » de la participation « {participation} » était due le {due} et n’est pas encore livrée.',
  'notify.taskOverdueCoordinator.subject': 'Tâche en retard : « {task} » ({assignee})',
  'notify.taskOverdueCoordinator.body':
    'La tâche « {task} » confiée à {assignee} dans la participation « {participation} » était due le {due} et n’est pas encore livrée.',
  'notify.federalEscalated.subject': 'Relance : aucune réponse fédérale pour « {participation} »',
  'notify.federalEscalated.body':
    'Le gouvernement fédéral n’a pas répondu dans le délai prévu à la demande de la participation « {participation} ». La participation attend toujours sa réponse : une relance est à faire.',
  'notify.taskDeclined.subject': 'Tâche déclinée : « {task} »',
  'notify.taskDeclined.body':
    '{actor} a décliné la tâche « {task} » de la participation « {participation} ».\nMotif : {note}\nLa tâche est à réassigner.',
  'notify.taskReassigned.subject': 'Tâche réassignée : « {task} »',
  'notify.taskReassigned.body':
    'La tâche « {task} » de la participation « {participation} » vous est maintenant assignée.\nÉchéance : {due}.',
  'notify.noNote': '(aucun)',
} as const;

export type MessageKey = keyof typeof fr;
