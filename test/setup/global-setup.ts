import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createDatabaseIfMissing, databaseUrl, resolvePostgresServer } from '../../infra/postgres/postgres-server';
import { repoRoot, startDevServerRetrying } from '../../infra/temporal/dev-server';
import { WORKFLOW_INTERCEPTOR_MODULES, writeWorkflowEntry } from '../../workflows/bundle-entry';
import { dataSourceOptions } from '../../libs/persistence/src/data-source-options';
import { seedDemoPeople } from '../../libs/persistence/src/seed/demo-people';
import { startIdentityProcess } from '../../infra/identity/identity-process';
import { BROWSER_PORT_COUNT } from '../helpers/browser-ports';
import { freePort } from '../../infra/net/free-port';
import { saveState } from './test-stack-state';

/**
 * Starts, once per `npm test`, what the tests talk to: a Temporal dev server of
 * its own (fresh database file, custom search attributes), a fresh PostgreSQL
 * database with every migration applied and the demo people, the embedded
 * OpenID Connect provider where they sign in (a process of its own: Jest
 * cannot load oidc-provider's modules), and the production workflow bundle.
 * Test files read the addresses from the environment.
 */
export default async function globalSetup(): Promise<void> {
  const root = repoRoot();
  mkdirSync(join(root, '.data'), { recursive: true });
  const workDir = mkdtempSync(join(root, '.data', 'test-run-'));
  const say = (message: string) => process.stderr.write(`[test stack] ${message}\n`);

  const cliPath = temporalCli(root, say);
  process.env.TEMPORAL_CLI = cliPath;
  const temporal = await startDevServerRetrying({
    cliPath,
    headless: true,
    dbFilename: join(workDir, 'temporal.db'),
    logFile: join(workDir, 'temporal.log'),
  });
  say(`Temporal dev server at ${temporal.address}`);

  const postgres = await resolvePostgresServer({ log: say });
  const database = `participation_test_${Date.now()}_${process.pid}`;
  await createDatabaseIfMissing(postgres.serverUrl, database);
  const url = databaseUrl(postgres.serverUrl, database);
  await migrate(url);
  await seed(url);
  say(`PostgreSQL database ${database} (${postgres.source}), migrated`);

  // Its keys file stays in the run's folder: the access suite signs bad tokens with the provider's own key.
  const identityPort = await freePort();
  const browserPorts: number[] = [];
  while (browserPorts.length < BROWSER_PORT_COUNT) {
    const port = await freePort();
    if (port !== identityPort && !browserPorts.includes(port)) browserPorts.push(port);
  }
  const identityEnv = {
    IDENTITY_PORT: String(identityPort),
    // Test stacks that serve the console to Chromium listen on one of these (test/helpers/browser-ports.ts).
    IDENTITY_CONSOLE_URLS: browserPorts.map((port) => `http://127.0.0.1:${port}`).join(','),
    BROWSER_TEST_PORTS: browserPorts.join(','),
    IDENTITY_ISSUER: `http://127.0.0.1:${identityPort}`,
    IDENTITY_KEYS_FILE: join(workDir, 'identity-keys.json'),
  };
  const identity = await startIdentityProcess(
    { ...process.env, NODE_ENV: 'test', DATABASE_URL: url, ...identityEnv },
    { from: 'typescript' },
  );
  say(`identity provider at ${identity.issuer}`);

  const bundlePath = join(workDir, 'workflow-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: writeWorkflowEntry(),
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    logger: quietLogger,
  });
  writeFileSync(bundlePath, code);

  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: url,
    TEMPORAL_ADDRESS: temporal.address,
    WORKFLOW_BUNDLE_PATH: bundlePath,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...identityEnv,
    AUTH_ISSUER: identity.issuer,
    // Where suites leave their figures for the teardown to print (test/helpers/figures.ts).
    TEST_RUN_DIR: workDir,
    // Tests send writes far faster than people; the rate-limit test sets its own limit.
    RATE_LIMIT_WRITES: process.env.RATE_LIMIT_WRITES ?? '1000000',
  });
  saveState({ temporal, postgres, identity, database, workDir });
}

function temporalCli(root: string, say: (m: string) => void): string {
  if (process.env.TEMPORAL_CLI) return process.env.TEMPORAL_CLI;
  say('locating the Temporal CLI (the first run builds it with Go, a few minutes)');
  return execFileSync('bash', [join(root, 'infra', 'temporal', 'ensure-temporal-cli.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .toString()
    .trim();
}

async function seed(url: string): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
  try {
    await seedDemoPeople(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url, 2));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => process.stderr.write(`[workflow bundle] ${message}\n`),
  error: (message: string) => process.stderr.write(`[workflow bundle] ${message}\n`),
};
