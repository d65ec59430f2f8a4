import { SignJWT } from 'jose';

/** A development token (HS256, the API's AUTH_DEV_SECRET); production tokens come from the OIDC issuer. */
export async function mintDevToken(
  secret: string,
  subject: string,
  {
    roles,
    groups,
    ttl = '8h',
    issuer,
    audience,
  }: { roles?: string[]; groups?: string[]; ttl?: string; issuer?: string; audience?: string } = {},
): Promise<string> {
  let jwt = new SignJWT({ ...(roles ? { roles } : {}), ...(groups ? { groups } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime(ttl);
  if (issuer) jwt = jwt.setIssuer(issuer);
  if (audience) jwt = jwt.setAudience(audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
