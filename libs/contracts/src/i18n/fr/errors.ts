/** API errors and the names of what they refer to, in French. */
export const frErrors = {
  'error.validation': 'La requête contient des champs invalides.',
  'error.notFound': '{entity} « {id} » est introuvable.',
  'error.calendarFeedUnknown': 'Ce calendrier est introuvable : son adresse a été remplacée ou révoquée.',
  'error.duplicateParticipation': 'La participation « {workflowId} » a déjà été lancée.',
  'error.participationClosed': 'La participation « {workflowId} » est terminée : elle ne reçoit plus de demandes.',
  'error.wrongState': 'Demande refusée dans l’état actuel : {reason}',
  'error.invalidInput': 'Demande invalide : {reason}',
  'error.stepNotForKind': 'Cette participation ({kind}) n’a pas d’étape « {step} ».',
  'error.notAllowed': 'Action non permise : {reason}',
  'error.unavailable': 'Service momentanément indisponible ({dependency}). Réessayez plus tard.',
  'error.payloadTooLarge': 'Le corps de la requête est trop volumineux.',
  'error.malformedRequest': 'La requête est mal formée : corps JSON ou adresse invalide.',
  'error.unauthenticated': 'Authentification requise : envoyez un jeton « Authorization: Bearer … ».',
  'error.invalidToken': 'Jeton refusé : expiré, mal signé ou invalide.',
  'error.roleRequired': 'Cette action demande l’un de ces rôles : {roles}.',
  'error.partnerNotAllowed':
    'Un partenaire peut seulement consulter les dossiers de son organisation, soumettre des propositions et remettre ses propres tâches.',
  'error.notCoordinator':
    'Seule la personne qui coordonne cette participation ({coordinatorId}) ou un administrateur peut faire cette action.',
  'error.internal': 'Erreur interne. L’incident a été journalisé.',
  'entity.participation': 'La participation',
  'entity.task': 'La tâche',
  'entity.session': 'La séance',
  'error.sessionNotScheduled': 'La séance « {key} » n’est plus prévue ({status}) : elle ne peut être ni déplacée ni annulée.',
  'entity.route': 'La ressource',
  'error.unknownEventType': 'Type d’événement inconnu : « {type} ». Types acceptés : {types}.',
  'error.noEventTarget': 'Aucune participation en cours ne correspond à l’événement « {type} » ({subject}).',
  'error.subscriptionNotFound': 'Abonnement introuvable : {id}.',
  'error.deadLetterNotFound': 'Aucune livraison en échec ne porte le numéro {id}.',
  'error.rateLimited': 'Trop de requêtes d’écriture : réessayez dans {seconds} s.',
  'error.unsupportedMediaType': 'Type de contenu non pris en charge : envoyez du JSON en UTF-8 (application/json).',
  'error.idempotencyKeyReused': 'La clé d’idempotence « {key} » a déjà servi pour une autre requête.',
  'error.notAnActivePerson':
    'Ce jeton désigne « {subject} », qui n’est pas une personne active de l’annuaire : demandez à un administrateur de vous y inscrire ou de vous réactiver.',
  'error.serviceNotAllowed':
    'Le service « {client} » s’est connecté avec ses propres identifiants ; cette action est réservée aux personnes.',
  'entity.person': 'La personne',
  'entity.group': 'Le groupe',
  'error.personExists': 'La personne « {id} » existe déjà dans l’annuaire.',
  'error.groupExists': 'Le groupe « {code} » existe déjà dans l’annuaire.',
  'entity.forum': 'Le forum ou l’organisation',
  'entity.country': 'Le pays ou l’État fédéré',
  'entity.office': 'La représentation',
  'error.referenceExists':
    'Le code « {code} » existe déjà dans cette liste de référence (les codes sont stables : modifiez-le ou retirez-le).',
  'error.ownAdministration':
    'Vous ne pouvez pas vous désactiver vous-même ni retirer votre propre rôle d’administrateur : demandez-le à un autre administrateur.',
  'error.launchOnBehalf':
    'Seul un administrateur peut lancer une participation au nom d’une autre personne (coordinatorId « {coordinatorId} ») : omettez coordinatorId pour la coordonner vous-même.',
  'error.notGroupMember':
    'Cette tâche est offerte au groupe « {group} », dont vous n’êtes pas membre : seuls ses membres peuvent la prendre en charge.',
  'error.notYourParticipations':
    'Seule la personne qui coordonne la participation « {participationId} » ou un administrateur peut en réassigner les tâches.',
} as const;
