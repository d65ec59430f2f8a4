import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/*
 * Custom search attributes registered on the server at start. They are stored
 * unencrypted and visible to every Temporal UI user: identifiers only, never
 * names, e-mail addresses or positions.
 */
export const SA_PARTICIPATION_KIND = defineSearchAttributeKey('ParticipationKind', SearchAttributeType.KEYWORD);
export const SA_FORUM = defineSearchAttributeKey('Forum', SearchAttributeType.KEYWORD);
export const SA_PHASE = defineSearchAttributeKey('Phase', SearchAttributeType.KEYWORD);
export const SA_COORDINATOR = defineSearchAttributeKey('Coordinator', SearchAttributeType.KEYWORD);
export const SA_ASSIGNED_EXPERTS = defineSearchAttributeKey('AssignedExperts', SearchAttributeType.KEYWORD_LIST);
export const SA_NEXT_DEADLINE = defineSearchAttributeKey('NextDeadline', SearchAttributeType.DATETIME);
export const SA_OVERDUE_TASKS = defineSearchAttributeKey('OverdueTasks', SearchAttributeType.INT);

export const PARTICIPATION_SEARCH_ATTRIBUTES = [
  SA_PARTICIPATION_KIND,
  SA_FORUM,
  SA_PHASE,
  SA_COORDINATOR,
  SA_ASSIGNED_EXPERTS,
  SA_NEXT_DEADLINE,
  SA_OVERDUE_TASKS,
] as const;

/** `Name=Type` pairs in the form `temporal server start-dev --search-attribute` expects. */
export function searchAttributeCliArgs(): string[] {
  const cliType: Record<string, string> = {
    [SearchAttributeType.KEYWORD]: 'Keyword',
    [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
    [SearchAttributeType.DATETIME]: 'Datetime',
    [SearchAttributeType.INT]: 'Int',
  };
  return PARTICIPATION_SEARCH_ATTRIBUTES.map((key) => `${key.name}=${cliType[key.type]}`);
}
