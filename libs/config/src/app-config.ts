import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Environment } from './environment';
import { readSettings, type DurationSetting } from './extra-settings';
import { parseDuration } from './is-duration.validator';
import { parseOriginList } from './is-origin-list.validator';
import { parsePayloadCodecKeys, type PayloadCodecKey } from './payload-codec-keys';
import { temporalAuth, temporalAuthProblems, type TemporalAuthConfig } from './temporal-auth';
import { temporalTls, temporalTlsProblems, type TemporalTlsConfig } from './temporal-tls';
import { workerMemoryPlan, workerMemoryProblems, type WorkerMemoryPlan } from './worker-memory';

/** The validated, typed configuration every process reads; built once at boot. */
export interface AppConfig {
  env: Environment['NODE_ENV'];
  database: { url: string; poolSize: number };
  temporal: {
    address: string;
    namespace: string;
    taskQueue: string;
    tls?: TemporalTlsConfig;
    apiKey?: string;
    /** Client credentials for a server that authorizes calls from JWT claims; none: calls carry no token. */
    auth?: TemporalAuthConfig;
  };
  /** Per worker process; an undefined slot count means the Temporal SDK's default. */
  worker: {
    maxConcurrentActivities?: number;
    maxConcurrentWorkflowTasks?: number;
    /** The memory budget's plan: the workflow thread's heap cap and the cache it holds. */
    memory: WorkerMemoryPlan;
    healthPort?: number;
  };
  http: {
    host: string;
    port: number;
    /** Origins allowed by CORS; empty: CORS closed. */
    corsOrigins: string[];
    /** Per caller, on write requests. */
    rateLimit: { writes: number; windowMs: number };
  };
  /** Payload encryption; no keys: payloads go to Temporal as plain JSON. */
  payloadCodec: { keys: PayloadCodecKey[]; corsOrigins: string[] };
  logLevel: string;
  /** Readable lines for a person at a terminal, or JSON lines for a collector. */
  logPretty: boolean;
  workflowBundlePath?: string;
  auth: AuthConfig;
  /** Where the worker serves /metrics (host:port); none when unset. */
  workerMetricsAddress?: string;
  durations: {
    federalResponseTimeoutMs: number;
    taskDueMs: number;
    taskReminderBeforeMs: number;
    launchProjectionWaitMs: number;
    queryTimeoutMs: number;
  };
  /** The process kinds' own settings (see DurationSetting), in milliseconds by variable name. */
  settings: Readonly<Record<string, number>>;
  /** Base of the links people follow (inbox page), without a trailing slash. */
  publicBaseUrl: string;
  notifications: NotificationConfig;
  events: EventDeliveryConfig;
  cyclesPerRun: number;
  /** What the web console needs from the server: where the Temporal UI is, its own OIDC client id. */
  console: { temporalUiUrl?: string; oidcClientId: string };
}

/** Published events (CloudEvents): their delivery to webhooks, and the optional NATS JetStream broker. */
export interface EventDeliveryConfig {
  pollIntervalMs: number;
  retryInitialMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  /** Unset: no broker, events go to webhooks only and come in over HTTP only. */
  natsUrl?: string;
  subjectPrefix: string;
}

/** How the API checks bearer tokens: an OpenID Connect issuer's JWT access tokens. */
export interface AuthConfig {
  /** Required by the API; undefined only in production when AUTH_ISSUER is unset. */
  issuer?: string;
  jwksUrl?: string;
  audience: string;
  rolesSource: 'directory' | 'token';
  rolesClaim: string;
  clockToleranceSeconds: number;
}

/** The embedded provider's issuer (npm run up), which development and tests use unless told otherwise. */
export const DEV_AUTH_ISSUER = 'http://127.0.0.1:4444';

/** E-mail is on when `smtpUrl` is set, the webhook when `webhookUrl` is. */
export interface NotificationConfig {
  smtpUrl?: string;
  mailFrom: string;
  webhookUrl?: string;
  pollIntervalMs: number;
  retryInitialMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  timeZone: string;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Validates the environment, and the process kinds' own settings when given
 * (the apps pass the registry's); throws a ConfigurationError naming every bad variable.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, extraSettings: readonly DurationSetting[] = []): AppConfig {
  const known = Object.keys(new Environment());
  const present = Object.fromEntries(
    Object.entries(source).filter(([key, value]) => known.includes(key) && value !== undefined && value !== ''),
  );
  const env = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  const problems = errors.map((e) => `${e.property}=${shown(e.property, e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  problems.push(...temporalTlsProblems(env));
  const issuer = env.AUTH_ISSUER ?? (env.NODE_ENV === 'production' ? undefined : DEV_AUTH_ISSUER);
  problems.push(...temporalAuthProblems(env, issuer));
  problems.push(...workerMemoryProblems(env.WORKER_MEMORY_BUDGET_MIB as number, env.WORKER_MAX_CACHED_WORKFLOWS));
  const { values: settings, problems: settingProblems } = readSettings(source, extraSettings);
  problems.push(...settingProblems);
  if (problems.length > 0) throw new ConfigurationError(problems);
  const duration = (value: string) => parseDuration(value) as number;
  return {
    env: env.NODE_ENV,
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
    temporal: {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      tls: temporalTls(env),
      apiKey: env.TEMPORAL_API_KEY,
      auth: temporalAuth(env, issuer),
    },
    worker: {
      maxConcurrentActivities: env.WORKER_MAX_CONCURRENT_ACTIVITIES,
      maxConcurrentWorkflowTasks: env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      memory: workerMemoryPlan(env.WORKER_MEMORY_BUDGET_MIB as number, env.WORKER_MAX_CACHED_WORKFLOWS),
      healthPort: env.WORKER_HEALTH_PORT,
    },
    http: {
      host: env.HTTP_HOST,
      port: env.HTTP_PORT,
      corsOrigins: parseOriginList(env.CORS_ORIGINS),
      rateLimit: { writes: env.RATE_LIMIT_WRITES, windowMs: duration(env.RATE_LIMIT_WINDOW) },
    },
    payloadCodec: {
      keys: env.PAYLOAD_CODEC_KEYS ? parsePayloadCodecKeys(env.PAYLOAD_CODEC_KEYS).keys : [],
      corsOrigins: parseOriginList(env.CODEC_CORS_ORIGINS),
    },
    logLevel: env.LOG_LEVEL,
    logPretty: env.LOG_FORMAT === 'pretty' || (env.LOG_FORMAT === 'auto' && env.NODE_ENV !== 'production' && process.stdout.isTTY === true),
    workflowBundlePath: env.WORKFLOW_BUNDLE_PATH,
    auth: {
      issuer,
      jwksUrl: env.AUTH_JWKS_URL,
      audience: env.AUTH_AUDIENCE,
      rolesSource: env.AUTH_ROLES_SOURCE,
      rolesClaim: env.AUTH_ROLES_CLAIM,
      clockToleranceSeconds: duration(env.AUTH_CLOCK_TOLERANCE) / 1000,
    },
    workerMetricsAddress: env.WORKER_METRICS_ADDRESS,
    durations: {
      federalResponseTimeoutMs: duration(env.FEDERAL_RESPONSE_TIMEOUT),
      taskDueMs: duration(env.TASK_DUE_AFTER),
      taskReminderBeforeMs: duration(env.TASK_REMINDER_BEFORE),
      launchProjectionWaitMs: duration(env.LAUNCH_PROJECTION_WAIT),
      queryTimeoutMs: duration(env.QUERY_TIMEOUT),
    },
    settings,
    publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    notifications: {
      smtpUrl: env.SMTP_URL,
      mailFrom: env.MAIL_FROM,
      webhookUrl: env.NOTIFY_WEBHOOK_URL,
      pollIntervalMs: duration(env.NOTIFY_POLL_INTERVAL),
      retryInitialMs: duration(env.NOTIFY_RETRY_INITIAL),
      retryMaxMs: duration(env.NOTIFY_RETRY_MAX),
      maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
      timeZone: env.NOTIFY_TIME_ZONE,
    },
    events: {
      pollIntervalMs: duration(env.EVENTS_POLL_INTERVAL),
      retryInitialMs: duration(env.EVENTS_RETRY_INITIAL),
      retryMaxMs: duration(env.EVENTS_RETRY_MAX),
      maxAttempts: env.EVENTS_MAX_ATTEMPTS,
      natsUrl: env.NATS_URL,
      subjectPrefix: env.NATS_SUBJECT_PREFIX,
    },
    cyclesPerRun: env.CYCLES_PER_RUN,
    console: { temporalUiUrl: env.TEMPORAL_UI_URL?.replace(/\/+$/, ''), oidcClientId: env.CONSOLE_OIDC_CLIENT_ID },
  };
}

/** A bad value as the error message may show it: secrets named, never echoed; credentials in a URL masked. */
function shown(variable: string, value: unknown): string {
  if (/SECRET|KEY/.test(variable)) return '(hidden)';
  if (typeof value !== 'string') return JSON.stringify(value);
  // Everything before the last @ of a URL may hold credentials (DATABASE_URL, SMTP_URL), even when it is malformed.
  return JSON.stringify(value.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/i, (_all, scheme?: string) => `${scheme ?? ''}***@`));
}
