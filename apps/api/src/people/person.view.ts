import type { PersonEntity } from '@lib/persistence';

/** A person as the directory shows them; the e-mail address and language only to admins. */
export interface PersonView {
  id: string;
  displayName: string;
  roles: string[];
  groups: string[];
  organization: string;
  expertiseAreas: string[];
  languages: string[];
  active: boolean;
  email?: string;
  language?: string;
}

export function personView(row: PersonEntity, { forAdmin }: { forAdmin: boolean }): PersonView {
  const view: PersonView = {
    id: row.id,
    displayName: row.displayName,
    roles: row.roles,
    groups: row.groups,
    organization: row.organization,
    expertiseAreas: row.expertiseAreas,
    languages: row.languages,
    active: row.active,
  };
  return forAdmin ? { ...view, email: row.email, language: row.language } : view;
}

/** The fields of `after` whose value differs from `before`'s: what a change changed, before and after. */
export function changedFields<T extends object>(before: T, after: Partial<T>): { oldValue: Partial<T>; newValue: Partial<T> } {
  const keys = (Object.keys(after) as (keyof T)[]).filter(
    (key) => after[key] !== undefined && JSON.stringify(after[key]) !== JSON.stringify(before[key]),
  );
  return {
    oldValue: Object.fromEntries(keys.map((key) => [key, before[key]])) as Partial<T>,
    newValue: Object.fromEntries(keys.map((key) => [key, after[key]])) as Partial<T>,
  };
}
