/**
 * PostgreSQL NOTIFY channel on which a trigger announces every committed change
 * to a person: the person's id, or `*` when the table is emptied
 * (migration PeopleChanges1796520000000).
 */
export const PEOPLE_CHANGES_CHANNEL = 'people_changes';

/** The payload that stands for everyone (a TRUNCATE). */
export const EVERYONE_CHANGED = '*';
