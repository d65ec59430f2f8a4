import type { frErrors } from '../fr/errors';

/** API errors and the names of what they refer to, in English: the same keys as in French (the compiler checks). */
export const enErrors: Record<keyof typeof frErrors, string> = {
  'error.validation': 'The request has invalid fields.',
  'error.notFound': '{entity} "{id}" was not found.',
  'error.calendarFeedUnknown': 'This calendar was not found: its address was replaced or revoked.',
  'error.duplicateParticipation': 'Participation "{workflowId}" has already been launched.',
  'error.participationClosed': 'Participation "{workflowId}" is closed: it takes no more requests.',
  'error.wrongState': 'Request refused in the current state: {reason}',
  'error.invalidInput': 'Invalid request: {reason}',
  'error.stepNotForKind': 'This participation ({kind}) has no "{step}" step.',
  'error.notAllowed': 'Action not allowed: {reason}',
  'error.unavailable': 'Service temporarily unavailable ({dependency}). Try again later.',
  'error.payloadTooLarge': 'The request body is too large.',
  'error.malformedRequest': 'The request is malformed: invalid JSON body or address.',
  'error.unauthenticated': 'Authentication required: send an "Authorization: Bearer …" token.',
  'error.invalidToken': 'Token refused: expired, wrongly signed or invalid.',
  'error.roleRequired': 'This action needs one of these roles: {roles}.',
  'error.notCoordinator': 'Only this participation’s coordinator ({coordinatorId}) or an administrator may do this.',
  'error.internal': 'Internal error. The incident has been logged.',
  'entity.participation': 'Participation',
  'entity.task': 'Task',
  'entity.route': 'Resource',
  'error.unknownEventType': 'Unknown event type "{type}". Accepted types: {types}.',
  'error.noEventTarget': 'No active participation matches event "{type}" ({subject}).',
  'error.rateLimited': 'Too many write requests: try again in {seconds} s.',
  'error.unsupportedMediaType': 'Unsupported content type: send JSON in UTF-8 (application/json).',
  'error.idempotencyKeyReused': 'Idempotency key "{key}" was already used for another request.',
  'error.notAnActivePerson':
    'This token names "{subject}", who is not an active person of the directory: ask an administrator to add or reactivate you.',
  'error.serviceNotAllowed': 'Service "{client}" signed in with its own credentials; this action is for people only.',
  'entity.person': 'The person',
  'entity.group': 'The group',
  'error.personExists': 'The person "{id}" is already in the directory.',
  'error.groupExists': 'The group "{code}" is already in the directory.',
  'error.ownAdministration': 'You cannot deactivate yourself or remove your own administrator role: ask another administrator.',
  'error.launchOnBehalf':
    'Only an administrator may launch a participation on behalf of someone else (coordinatorId "{coordinatorId}"): leave coordinatorId out to coordinate it yourself.',
  'error.notGroupMember': 'This task is offered to the group "{group}", of which you are not a member: only its members may take it.',
  'error.notYourParticipations':
    'Only the coordinator of the participation "{participationId}" or an administrator may reassign its tasks.',
};
