import { decodeJwt } from 'jose';
import { freePort } from '../../infra/net/free-port';
import { providerClaims, serviceAccessToken, signAsProvider } from '../helpers/identity';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/*
 * Who the API lets in, with the run's identity provider: people of the
 * directory (their roles from it, or from the token by configuration),
 * services signed in as themselves, and the answers for everyone else.
 */
describe('sign-in: people of the directory and services', () => {
  let stack: TestStack;
  const extra: TestStack[] = [];
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    stack = await startTestStack({}, { worker: false });
  });
  afterAll(async () => {
    await Promise.all([stack, ...extra].map((s) => s?.close()));
  });

  const other = async (env: Record<string, string>) => {
    const started = await startTestStack(env, { worker: false });
    extra.push(started);
    return started;
  };

  it('knows a person by their directory entry: kind, roles, groups and organization', async () => {
    const me = await stack.http('expert-tremblay').get('/me').expect(200);
    expect(me.body).toEqual({ id: 'expert-tremblay', kind: 'person', roles: ['expert'], groups: ['wto-experts'], organization: 'MAPAQ' });
    expect((await stack.http('officer-bergeron').get('/me').expect(200)).body.groups).toEqual(['intern-office']);
  });

  it('knows a service by its client credentials, and keeps it off the people’s endpoints', async () => {
    const service = stack.withToken(await serviceAccessToken('integration'));
    expect((await service.get('/me').expect(200)).body).toEqual({ id: 'integration', kind: 'service', roles: ['integration'], groups: [] });
    const refused = await service.get('/tasks').expect(403);
    expect(refused.body.message).toBe(
      'Le service « integration » s’est connecté avec ses propres identifiants ; cette action est réservée aux personnes.',
    );
    const english = await service.get('/participations').set('Accept-Language', 'en').expect(403);
    expect(english.body.message).toBe('Service "integration" signed in with its own credentials; this action is for people only.');
    // POST /events is the integration's: a coordinator is refused there, naming the role.
    const coordinator = await stack.http('coord-lavoie').post('/events').send({ id: 'e-1', type: 'x', data: {} }).expect(403);
    expect(coordinator.body.message).toContain('integration');
    await service.post('/events').send({ id: 'sign-in-e-1', type: 'no.such.type', data: {} }).expect(422);
  });

  it('answers 403 saying so to a well-signed token whose subject is not an active person', async () => {
    const ghost = stack.withToken(await signAsProvider(providerClaims('ghost-someone')));
    const french = await ghost.get('/me').expect(403);
    expect(french.body).toMatchObject({ error: 'not-allowed' });
    expect(french.body.message).toContain('« ghost-someone », qui n’est pas une personne active de l’annuaire');
    const english = await ghost.get('/me').set('Accept-Language', 'en').expect(403);
    expect(english.body.message).toContain('"ghost-someone", who is not an active person of the directory');
  });

  it('takes roles from the directory by default, whatever the token claims', async () => {
    const claimsAdmin = await signAsProvider(providerClaims('expert-tremblay', { roles: ['admin'] }));
    expect((await stack.withToken(claimsAdmin).get('/me').expect(200)).body.roles).toEqual(['expert']);
  });

  it('takes roles from the token’s claim with AUTH_ROLES_SOURCE=token, never a service role for a person', async () => {
    const byToken = await other({ AUTH_ROLES_SOURCE: 'token', AUTH_ROLES_CLAIM: 'app_roles' });
    const token = await signAsProvider(providerClaims('expert-tremblay', { app_roles: ['coordinator', 'integration', 'mayor'] }));
    expect((await byToken.withToken(token).get('/me').expect(200)).body).toMatchObject({ kind: 'person', roles: ['coordinator'] });
    // Still a person of the directory: a stranger is refused even with roles in hand.
    await byToken
      .withToken(await signAsProvider(providerClaims('ghost-someone', { app_roles: ['admin'] })))
      .get('/me')
      .expect(403);
  });

  it('allows no clock leeway by default, and the leeway AUTH_CLOCK_TOLERANCE gives', async () => {
    const justExpired = await signAsProvider(providerClaims('coord-lavoie', { iat: now() - 600, exp: now() - 2 }));
    await stack.withToken(justExpired).get('/me').expect(401);
    const lenient = await other({ AUTH_CLOCK_TOLERANCE: '30s' });
    await lenient.withToken(justExpired).get('/me').expect(200);
  });

  it('answers 503 while the issuer’s key set is out of reach, and 401 to a token it does not sign', async () => {
    const token = await stack.token('coord-lavoie');
    expect(decodeJwt(token).iss).toBe(stack.config.auth.issuer);
    const unreachable = await other({ AUTH_ISSUER: `http://127.0.0.1:${await freePort()}` });
    const res = await unreachable.withToken(token).get('/me').expect(503);
    expect(res.body.error).toBe('unavailable');
    // The issuer it trusts is not the run's provider: the run's tokens name another issuer.
    const elsewhere = await other({
      AUTH_ISSUER: 'https://sso.example.org/realms/other',
      AUTH_JWKS_URL: `${stack.config.auth.issuer}/jwks`,
    });
    await elsewhere.withToken(token).get('/me').expect(401);
  });
});
