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

  // Reliability and security (issue 6)
  'error.rateLimited': 'Trop de requêtes d’écriture : réessayez dans {seconds} s.',
  'error.unsupportedMediaType': 'Type de contenu non pris en charge : envoyez du JSON en UTF-8 (application/json).',
  'error.idempotencyKeyReused': 'La clé d’idempotence « {key} » a déjà servi pour une autre requête.',
  'validation.isWellFormedText': '{field} contient un caractère interdit (NUL ou UTF-16 mal formé).',
  'validation.maxDepth': '{field} est imbriqué trop profondément.',
  'validation.isStringRecord': '{field} doit être un objet dont chaque valeur est un texte (50 entrées au plus, 4000 caractères chacune).',
  'validation.isBase64': '{field} doit être encodé en base64.',
  'validation.isDecryptable': '{field} ne peut pas être déchiffré : clé inconnue ou données altérées.',
  'validation.idempotencyKey': '{field} doit faire de 1 à 128 caractères ASCII visibles, sans espace.',
  'validation.isWithinCentury': '{field} doit être à moins de cent ans d’aujourd’hui.',
} as const;

export type MessageKey = keyof typeof fr;
