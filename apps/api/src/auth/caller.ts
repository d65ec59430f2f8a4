import { PERSON_ROLES } from '@lib/validation';

/** The roles of people (the directory's), then of services (client-credential callers); a person never holds a service role. */
export { PERSON_ROLES };
export const SERVICE_ROLES = ['integration'] as const;
export const ROLES = [...PERSON_ROLES, ...SERVICE_ROLES] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller behind a request: a person of the directory, or a service signed in as itself. */
export interface Caller {
  /** The person's id, or the service's client id. */
  id: string;
  kind: 'person' | 'service';
  roles: Role[];
  /** Candidate groups whose unclaimed tasks this person sees (none for a service). */
  groups: string[];
  /** The person's organization in the directory (what a partner's visibility is bounded by). */
  organization?: string;
}

export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return caller.roles.includes('admin') || roles.some((role) => caller.roles.includes(role));
}

/**
 * A partner and nothing more: a person of an outside organization, who
 * reaches only the routes open to partners and, there, only their
 * organization's work. Anyone who also holds a ministry role is not limited.
 */
export function isPartnerOnly(caller: Caller): boolean {
  return caller.roles.includes('partner') && caller.roles.every((role) => role === 'partner');
}

/** Whether the caller acts as this participation's coordinator: the one named on it, or an admin. */
export function coordinates(caller: Caller, coordinatorId: string): boolean {
  return caller.roles.includes('admin') || (caller.roles.includes('coordinator') && caller.id === coordinatorId);
}
