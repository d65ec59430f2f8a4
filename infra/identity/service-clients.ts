/** The roles a service (a client-credential caller, never a person) may carry. */
export const SERVICE_ROLES = ['integration'] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];

/** A client that signs in as itself (client credentials): an integration, the API or the worker. */
export interface ServiceClient {
  id: string;
  secret: string;
  roles: ServiceRole[];
}

/** `id:secret[:role+role]` entries separated by commas. */
export const SERVICE_CLIENT_LIST = /^[\w.-]+:[^\s:,]+(:[\w+-]+)?(,[\w.-]+:[^\s:,]+(:[\w+-]+)?)*$/;

/** Reads IDENTITY_SERVICE_CLIENTS; the secrets never reach a problem message. */
export function parseServiceClients(value: string): { clients: ServiceClient[]; problems: string[] } {
  const problems: string[] = [];
  const clients = value.split(',').map((entry): ServiceClient => {
    const [id, secret, roles] = entry.split(':');
    const named = roles ? roles.split('+') : ['integration'];
    const unknown = named.filter((role) => !(SERVICE_ROLES as readonly string[]).includes(role));
    if (unknown.length > 0) problems.push(`client ${id}: unknown role ${unknown.join(', ')} (known: ${SERVICE_ROLES.join(', ')})`);
    if ((secret ?? '').length < 16) problems.push(`client ${id}: the secret must be at least 16 characters`);
    return { id, secret, roles: named as ServiceRole[] };
  });
  const ids = clients.map((c) => c.id);
  const reserved = ids.filter((id) => id === 'console' || id === 'temporal-ui');
  if (reserved.length > 0) problems.push(`client ids console and temporal-ui are the provider's own`);
  if (new Set(ids).size !== ids.length) problems.push('a client id appears twice');
  return { clients, problems };
}
