/** Notification e-mails and webhooks, in French. */
export const frNotifications = {
  'notify.greeting': 'Bonjour {name},',
  'notify.inbox': 'Votre boîte de tâches : {link}',
  'notify.signature': 'Message automatique du suivi des participations. Merci de ne pas y répondre.',
  'notify.taskOpened.subject': 'Nouvelle tâche : « {task} »',
  'notify.taskOpened.body': 'Une tâche vous est assignée dans la participation « {participation} » : « {task} ».\nÉchéance : {due}.',
  'notify.taskOpenedGroup.subject': 'Tâche à prendre en charge : « {task} »',
  'notify.taskOpenedGroup.body':
    'Une tâche est proposée à votre groupe « {group} » dans la participation « {participation} » : « {task} ».\nÉchéance : {due}. La personne qui la prend en charge en devient responsable.',
  'notify.taskReminder.subject': 'Rappel : « {task} » arrive à échéance le {due}',
  'notify.taskReminder.body': 'La tâche « {task} » de la participation « {participation} » arrive à échéance le {due}.',
  'notify.taskOverdue.subject': 'Tâche en retard : « {task} »',
  'notify.taskOverdue.body': 'La tâche « {task} » de la participation « {participation} » était due le {due} et n’est pas encore livrée.',
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
  'notify.taskOpenedDelegated.subject': 'Nouvelle tâche pendant l’absence de {delegator} : « {task} »',
  'notify.taskOpenedDelegated.body':
    'Une tâche destinée à {delegator} vous est assignée pendant son absence, dans la participation « {participation} » : « {task} ».\nÉchéance : {due}.',
  'notify.noNote': '(aucun)',
  'calendar.name': 'Échéances et sessions de {name}',
  'calendar.due': 'Échéance : {title}',
} as const;
