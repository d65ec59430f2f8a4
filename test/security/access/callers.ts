import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { PersonEntity } from '../../../libs/persistence/src';
import type { TestStack } from '../../helpers/test-stack';

/*
 * Who knocks: one person per role (and, for the rules that look at the object,
 * a second coordinator and a second expert who hold nothing here), then every
 * way a bearer token can be wrong. Each bad token claims the admin role, so a
 * refusal cannot come from a missing role: it comes from the token itself.
 */

export type Role = 'coordinator' | 'expert' | 'supervisor' | 'admin';

export const PEOPLE = {
  coordinator: { id: 'coord-lavoie', roles: ['coordinator'] },
  'other-coordinator': { id: 'dm-international', roles: ['coordinator'] },
  expert: { id: 'expert-tremblay', roles: ['expert'] },
  'other-expert': { id: 'expert-roy', roles: ['expert'] },
  supervisor: { id: 'sup-gagnon', roles: ['supervisor'] },
  admin: { id: 'admin', roles: ['admin'] },
} as const satisfies Record<string, { id: string; roles: Role[] }>;
export type Person = keyof typeof PEOPLE;

export const BAD_CREDENTIALS = ['no-token', 'expired', 'wrong-key', 'tampered', 'unsigned', 'wrong-audience', 'deactivated'] as const;
export type BadCredential = (typeof BAD_CREDENTIALS)[number];

export type CallerName = Person | BadCredential;
export const CALLERS: CallerName[] = [...(Object.keys(PEOPLE) as Person[]), ...BAD_CREDENTIALS];

export const isPerson = (caller: CallerName): caller is Person => caller in PEOPLE;

/** A person who left: a well-signed token, but the people table says inactive. */
const FORMER_STAFF = 'former-coordinator';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The Authorization header each caller sends (undefined: none). */
export async function callerHeaders(stack: TestStack): Promise<Record<CallerName, string | undefined>> {
  const { issuer, audience } = stack.config.auth;
  const bearer = (token: string) => `Bearer ${token}`;
  const now = Math.floor(Date.now() / 1000);
  const adminClaims = { sub: 'admin', roles: ['admin'], iss: issuer, aud: audience, iat: now, exp: now + 3600 };

  await stack.dataSource.getRepository(PersonEntity).upsert(
    {
      id: FORMER_STAFF,
      displayName: 'Ancien coordonnateur',
      email: 'former@example.org',
      roles: ['coordinator', 'admin'],
      active: false,
    },
    ['id'],
  );

  const people = Object.fromEntries(
    await Promise.all(Object.entries(PEOPLE).map(async ([name, p]) => [name, bearer(await stack.token(p.id))] as const)),
  ) as Record<Person, string>;

  const sign = (claims: object, key: Uint8Array) => new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(key);
  const runKey = new TextEncoder().encode(stack.config.auth.devSecret);
  const expired = await sign({ ...adminClaims, iat: now - 7200, exp: now - 3600 }, runKey);
  const wrongKey = await sign(adminClaims, randomBytes(32));
  // An expert's genuine token whose claims were rewritten to make them an admin; the signature is the original.
  const [header, , signature] = (await stack.token(PEOPLE.expert.id)).split('.');
  const tampered = `${header}.${b64(adminClaims)}.${signature}`;
  const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(adminClaims)}.`;

  return {
    ...people,
    'no-token': undefined,
    expired: bearer(expired),
    'wrong-key': bearer(wrongKey),
    tampered: bearer(tampered),
    unsigned: bearer(unsigned),
    'wrong-audience': bearer(await stack.token('admin', { roles: ['admin'], audience: 'another-application' })),
    deactivated: bearer(await stack.token(FORMER_STAFF)),
  };
}
