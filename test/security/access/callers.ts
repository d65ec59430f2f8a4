import { decodeJwt } from 'jose';
import { PersonEntity } from '../../../libs/persistence/src';
import { providerClaims, serviceAccessToken, signAsProvider, signInAs, signWithForeignKey, unsignedToken } from '../../helpers/identity';
import type { TestStack } from '../../helpers/test-stack';

/*
 * Who knocks: one person per role (and, for the rules that look at the object,
 * a second coordinator and a second expert who hold nothing here), a service
 * signed in as itself, then every way a bearer token can be wrong. Each forged
 * token claims the admin role, so a refusal cannot come from a missing role:
 * it comes from the token itself.
 */

export type Role = 'coordinator' | 'expert' | 'supervisor' | 'admin' | 'partner' | 'integration';

export const PEOPLE = {
  coordinator: { id: 'coord-lavoie', roles: ['coordinator'] },
  'other-coordinator': { id: 'dm-international', roles: ['coordinator'] },
  expert: { id: 'expert-tremblay', roles: ['expert'] },
  'other-expert': { id: 'expert-roy', roles: ['expert'] },
  supervisor: { id: 'sup-gagnon', roles: ['supervisor'] },
  admin: { id: 'admin', roles: ['admin'] },
  // A person of an outside organization: only what is opened to partners, and there only their organization's.
  partner: { id: 'partner-weber', roles: ['partner'] },
} as const satisfies Record<string, { id: string; roles: Role[] }>;
export type Person = keyof typeof PEOPLE;

/** Services, signed in with client credentials: they reach only what is open to their role (and GET /me). */
export const SERVICES = {
  integration: { id: 'integration', roles: ['integration'] },
} as const satisfies Record<string, { id: string; roles: Role[] }>;
export type Service = keyof typeof SERVICES;

/** Refused as no token at all (401). */
export const BAD_CREDENTIALS = [
  'no-token',
  'expired',
  'wrong-key',
  'tampered',
  'unsigned',
  'wrong-audience',
  'other-issuer',
  'refresh-token',
  'id-token',
] as const;
export type BadCredential = (typeof BAD_CREDENTIALS)[number];

/** A genuine token whose subject is no longer an active person (403: it says who, and that they are not in the directory). */
export const NOT_A_PERSON = ['deactivated'] as const;
export type NotAPerson = (typeof NOT_A_PERSON)[number];

export type SignedIn = Person | Service;
export type CallerName = SignedIn | BadCredential | NotAPerson;
export const CALLERS: CallerName[] = [
  ...(Object.keys(PEOPLE) as Person[]),
  ...(Object.keys(SERVICES) as Service[]),
  ...BAD_CREDENTIALS,
  ...NOT_A_PERSON,
];

export const isPerson = (caller: CallerName): caller is Person => caller in PEOPLE;
export const isService = (caller: CallerName): caller is Service => caller in SERVICES;
export const rolesOf = (caller: SignedIn): readonly Role[] => (isPerson(caller) ? PEOPLE[caller].roles : SERVICES[caller].roles);

/** A person who left: signed in while active, then deactivated in the directory. */
const FORMER_STAFF = 'former-coordinator';

/** The Authorization header each caller sends (undefined: none). */
export async function callerHeaders(stack: TestStack): Promise<Record<CallerName, string | undefined>> {
  const bearer = (token: string) => `Bearer ${token}`;
  const now = Math.floor(Date.now() / 1000);
  const admin = await signInAs(PEOPLE.admin.id);
  const adminClaims = { ...decodeJwt(admin.access_token), roles: ['admin'] };

  const people = Object.fromEntries(
    await Promise.all(Object.entries(PEOPLE).map(async ([name, p]) => [name, bearer(await stack.token(p.id))] as const)),
  ) as Record<Person, string>;

  const former = stack.dataSource.getRepository(PersonEntity);
  await former.upsert(
    { id: FORMER_STAFF, displayName: 'Ancien coordonnateur', email: 'former@example.org', roles: ['coordinator', 'admin'], active: true },
    ['id'],
  );
  const deactivated = (await signInAs(FORMER_STAFF)).access_token;
  await former.update({ id: FORMER_STAFF }, { active: false });

  // An expert's genuine token whose claims were rewritten to make them an admin; the signature is the original.
  const [header, , signature] = (await stack.token(PEOPLE.expert.id)).split('.');
  const rewritten = Buffer.from(JSON.stringify(providerClaims(PEOPLE.expert.id, { roles: ['admin'] }))).toString('base64url');

  return {
    ...people,
    integration: bearer(await serviceAccessToken('integration')),
    'no-token': undefined,
    expired: bearer(await signAsProvider({ ...adminClaims, iat: now - 7200, exp: now - 3600 })),
    'wrong-key': bearer(await signWithForeignKey(adminClaims)),
    tampered: bearer(`${header}.${rewritten}.${signature}`),
    unsigned: bearer(unsignedToken(adminClaims)),
    'wrong-audience': bearer(await signAsProvider({ ...adminClaims, aud: 'another-application' })),
    'other-issuer': bearer(await signAsProvider({ ...adminClaims, iss: 'https://sso.example.org/realms/other' })),
    'refresh-token': bearer(admin.refresh_token as string),
    'id-token': bearer(admin.id_token as string),
    deactivated: bearer(deactivated),
  };
}
