export const ROLES = ['coordinator', 'expert', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated person behind a request. */
export interface Caller {
  id: string;
  roles: Role[];
  /** Candidate groups whose unclaimed tasks this person sees. */
  groups: string[];
}

export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return caller.roles.includes('admin') || roles.some((role) => caller.roles.includes(role));
}

/** Whether the caller acts as this participation's coordinator: the one named on it, or an admin. */
export function coordinates(caller: Caller, coordinatorId: string): boolean {
  return caller.roles.includes('admin') || (caller.roles.includes('coordinator') && caller.id === coordinatorId);
}
