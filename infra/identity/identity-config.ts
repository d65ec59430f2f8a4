import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { ConfigurationError } from '../../libs/config/src/app-config';
import { IsDuration, parseDuration } from '../../libs/config/src/is-duration.validator';
import { parseServiceClients, SERVICE_CLIENT_LIST, type ServiceClient } from './service-clients';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const httpUrl = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

/** Development values, refused in production where each must be set on purpose. */
const DEV_DEFAULTS = {
  IDENTITY_DEMO_PASSWORD: 'demo',
  IDENTITY_TEMPORAL_UI_SECRET: 'temporal-ui-dev-secret',
  IDENTITY_SERVICE_CLIENTS: 'integration:integration-dev-secret,api:api-service-dev-secret,worker:worker-service-dev-secret',
} as const;

/**
 * Every variable the embedded OpenID Connect provider reads. It is the
 * development, test and demo provider; production uses the ministry's own.
 */
export class IdentityEnvironment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/participations';

  /** Loopback port the provider listens on. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  IDENTITY_PORT = 4444;

  /** The issuer URL tokens name (`iss`); defaults to http://127.0.0.1:<IDENTITY_PORT>. */
  @IsOptional()
  @IsUrl(httpUrl)
  @Matches(/[^/]$/, { message: 'IDENTITY_ISSUER must not end with a slash' })
  IDENTITY_ISSUER?: string;

  /** The signing keys and cookie keys, made on first start (git-ignored, mode 0600). */
  @IsString()
  IDENTITY_KEYS_FILE = '.data/identity/keys.json';

  /** The one password of every directory person on this provider. */
  @IsOptional()
  @IsString()
  @MinLength(4)
  IDENTITY_DEMO_PASSWORD?: string;

  @IsDuration()
  IDENTITY_ACCESS_TOKEN_TTL = '15 minutes';

  /** Secret of the confidential `temporal-ui` client. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  IDENTITY_TEMPORAL_UI_SECRET?: string;

  /** Client-credential clients: `id:secret[:role+role]`, comma-separated; roles default to `integration`. */
  @IsOptional()
  @Matches(SERVICE_CLIENT_LIST, { message: 'IDENTITY_SERVICE_CLIENTS must be id:secret[:role+role] pairs separated by commas' })
  IDENTITY_SERVICE_CLIENTS?: string;

  /**
   * The service clients that run participations on Temporal (comma-separated ids of
   * IDENTITY_SERVICE_CLIENTS): their tokens carry `permissions: ["<TEMPORAL_NAMESPACE>:write"]`,
   * what a Temporal server with the default claim mapper needs to let the API and the workers in.
   * Unset: `api` and `worker`, those of them that are service clients.
   */
  @IsOptional()
  @Matches(/^[\w.-]+(,[\w.-]+)*$/, { message: 'IDENTITY_TEMPORAL_CLIENTS must be client ids separated by commas' })
  IDENTITY_TEMPORAL_CLIENTS?: string = undefined;

  /** The API: the console's sign-in comes back to <PUBLIC_BASE_URL>/auth/callback; the resource indicator of access tokens. */
  @IsUrl(httpUrl)
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  /**
   * Other addresses the console is served at (comma-separated), beside PUBLIC_BASE_URL:
   * their /auth/callback is a registered redirect and their origin may call the token endpoint.
   */
  @IsOptional()
  @IsUrl(httpUrl, { each: true })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((url) => url.trim()) : value))
  IDENTITY_CONSOLE_URLS?: string[];

  @IsUrl(httpUrl)
  TEMPORAL_UI_URL = 'http://127.0.0.1:8233';

  /** The `aud` of access tokens; the API checks it. */
  @IsString()
  @Matches(/^\S+$/)
  AUTH_AUDIENCE = 'participations-api';

  /** The Temporal namespace named in the `permissions` claim. */
  @IsString()
  @Matches(/^[\w.-]+$/)
  TEMPORAL_NAMESPACE = 'default';
}

export interface IdentityConfig {
  env: IdentityEnvironment['NODE_ENV'];
  databaseUrl: string;
  port: number;
  issuer: string;
  keysFile: string;
  demoPassword: string;
  accessTokenTtlSeconds: number;
  publicBaseUrl: string;
  /** Where the console is served: PUBLIC_BASE_URL first, then IDENTITY_CONSOLE_URLS. */
  consoleUrls: string[];
  temporalUiUrl: string;
  temporalUiSecret: string;
  serviceClients: ServiceClient[];
  /** Ids of the service clients that write to the Temporal namespace (the API, the workers). */
  temporalClients: string[];
  audience: string;
  temporalNamespace: string;
}

/** Validates the environment; throws a ConfigurationError naming every bad variable. */
export function loadIdentityConfig(source: NodeJS.ProcessEnv = process.env, root = repoRoot()): IdentityConfig {
  const known = Object.keys(new IdentityEnvironment()).concat(['IDENTITY_ISSUER', ...Object.keys(DEV_DEFAULTS)]);
  const present = Object.fromEntries(
    Object.entries(source).filter(([key, value]) => known.includes(key) && value !== undefined && value !== ''),
  );
  const env = plainToInstance(IdentityEnvironment, present, { exposeDefaultValues: true });
  const problems = validateSync(env).map(
    (e) =>
      `${e.property}=${/SECRET|PASSWORD|CLIENTS/.test(e.property) ? '(hidden)' : JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  const production = env.NODE_ENV === 'production';
  for (const name of Object.keys(DEV_DEFAULTS) as Array<keyof typeof DEV_DEFAULTS>) {
    if (production && !env[name]) problems.push(`${name}: required in production (the development default is refused)`);
    if (production && env[name] === DEV_DEFAULTS[name]) problems.push(`${name}: the development default is refused in production`);
  }
  const clients = parseServiceClients(env.IDENTITY_SERVICE_CLIENTS ?? DEV_DEFAULTS.IDENTITY_SERVICE_CLIENTS);
  if (clients.problems.length > 0) problems.push(...clients.problems.map((p) => `IDENTITY_SERVICE_CLIENTS: ${p}`));
  const isClient = (id: string) => clients.clients.some((client) => client.id === id);
  const temporalClients = env.IDENTITY_TEMPORAL_CLIENTS?.split(',') ?? ['api', 'worker'].filter(isClient);
  const strangers = temporalClients.filter((id) => !isClient(id));
  if (strangers.length > 0) problems.push(`IDENTITY_TEMPORAL_CLIENTS: ${strangers.join(', ')} not in IDENTITY_SERVICE_CLIENTS`);
  if (problems.length > 0) throw new ConfigurationError(problems);
  return {
    env: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    port: env.IDENTITY_PORT,
    issuer: env.IDENTITY_ISSUER ?? `http://127.0.0.1:${env.IDENTITY_PORT}`,
    keysFile: isAbsolute(env.IDENTITY_KEYS_FILE) ? env.IDENTITY_KEYS_FILE : join(root, env.IDENTITY_KEYS_FILE),
    demoPassword: env.IDENTITY_DEMO_PASSWORD ?? DEV_DEFAULTS.IDENTITY_DEMO_PASSWORD,
    accessTokenTtlSeconds: Math.max(1, Math.round((parseDuration(env.IDENTITY_ACCESS_TOKEN_TTL) as number) / 1000)),
    publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    consoleUrls: [env.PUBLIC_BASE_URL, ...(env.IDENTITY_CONSOLE_URLS ?? [])].map((url) => url.replace(/\/+$/, '')),
    temporalUiUrl: env.TEMPORAL_UI_URL.replace(/\/+$/, ''),
    temporalUiSecret: env.IDENTITY_TEMPORAL_UI_SECRET ?? DEV_DEFAULTS.IDENTITY_TEMPORAL_UI_SECRET,
    serviceClients: clients.clients,
    temporalClients,
    audience: env.AUTH_AUDIENCE,
    temporalNamespace: env.TEMPORAL_NAMESPACE,
  };
}

/** The repository's root (where package.json is), from the sources or from dist/. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
