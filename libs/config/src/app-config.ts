import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Environment } from './environment';
import { parseDuration } from './is-duration.validator';
import { parseOriginList } from './is-origin-list.validator';
import { parsePayloadCodecKeys, type PayloadCodecKey } from './payload-codec-keys';

/** The validated, typed configuration every process reads; built once at boot. */
export interface AppConfig {
  env: Environment['NODE_ENV'];
  database: { url: string; poolSize: number };
  temporal: { address: string; namespace: string; taskQueue: string };
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
  workflowBundlePath?: string;
  durations: {
    federalResponseTimeoutMs: number;
    taskDueMs: number;
    taskReminderBeforeMs: number;
    launchProjectionWaitMs: number;
    queryTimeoutMs: number;
  };
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Validates the environment; throws a ConfigurationError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new Environment());
  const present = Object.fromEntries(
    Object.entries(source).filter(([key, value]) => known.includes(key) && value !== undefined && value !== ''),
  );
  const env = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigurationError(
      errors.map((e) => `${e.property}=${shown(e.property, e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    );
  }
  const duration = (value: string) => parseDuration(value) as number;
  return {
    env: env.NODE_ENV,
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
    temporal: { address: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE, taskQueue: env.TEMPORAL_TASK_QUEUE },
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
    workflowBundlePath: env.WORKFLOW_BUNDLE_PATH,
    durations: {
      federalResponseTimeoutMs: duration(env.FEDERAL_RESPONSE_TIMEOUT),
      taskDueMs: duration(env.TASK_DUE_AFTER),
      taskReminderBeforeMs: duration(env.TASK_REMINDER_BEFORE),
      launchProjectionWaitMs: duration(env.LAUNCH_PROJECTION_WAIT),
      queryTimeoutMs: duration(env.QUERY_TIMEOUT),
    },
  };
}

/** A bad value as the error message may show it: secrets hidden, a URL's password masked. */
function shown(variable: string, value: unknown): string {
  if (variable === 'PAYLOAD_CODEC_KEYS') return '"<hidden>"';
  if (variable === 'DATABASE_URL' && typeof value === 'string') {
    // Everything before the last @ may hold credentials, even in a malformed URL.
    return JSON.stringify(value.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/i, (_all, scheme?: string) => `${scheme ?? ''}***@`));
  }
  return JSON.stringify(value);
}
