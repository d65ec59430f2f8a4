import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { IsCodecKeyList } from './is-codec-key-list.validator';
import { IsDuration } from './is-duration.validator';
import { IsOriginList } from './is-origin-list.validator';
import { IsTimeZone } from './is-time-zone.validator';
import { WORKER_MEMORY_BUDGET_MIN_MIB } from './worker-memory';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every environment variable the API and the worker read, with its default.
 * The README's configuration table mirrors this class.
 */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/participations';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^[^\s:]+:\d+$/, { message: 'TEMPORAL_ADDRESS must be host:port' })
  TEMPORAL_ADDRESS = '127.0.0.1:7233';

  @IsString()
  @Matches(/^[\w.-]+$/)
  TEMPORAL_NAMESPACE = 'default';

  @IsString()
  @Matches(/^[\w.-]+$/)
  TEMPORAL_TASK_QUEUE = 'participations';

  @IsString()
  HTTP_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT = 3000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** `auto`: readable lines in a terminal (pino-pretty, outside production), JSON lines otherwise. */
  @IsIn(['auto', 'json', 'pretty'])
  LOG_FORMAT: 'auto' | 'json' | 'pretty' = 'auto';

  /** Pre-built workflow bundle for production workers; without it the worker bundles `workflows/` at start. */
  @IsOptional()
  @IsString()
  WORKFLOW_BUNDLE_PATH?: string;

  @IsDuration()
  FEDERAL_RESPONSE_TIMEOUT = '14 days';

  @IsDuration()
  TASK_DUE_AFTER = '10 days';

  @IsDuration()
  TASK_REMINDER_BEFORE = '2 days';

  /** How long a launch waits for the worker to record the new participation before answering. */
  @IsDuration()
  LAUNCH_PROJECTION_WAIT = '5 seconds';

  /**
   * The OpenID Connect issuer whose access tokens the API accepts (`iss`); its
   * key set is found through its discovery document unless AUTH_JWKS_URL names
   * it. Outside production it defaults to the embedded provider of `npm run up`.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  AUTH_ISSUER?: string;

  /** The issuer's key set, when it is not the one its discovery document names. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  /** The `aud` access tokens must name: this API. */
  @IsString()
  @Matches(/^\S+$/, { message: 'AUTH_AUDIENCE must be one word' })
  AUTH_AUDIENCE = 'participations-api';

  /** Where a person's roles come from: the people directory, or the token's AUTH_ROLES_CLAIM claim. */
  @IsIn(['directory', 'token'])
  AUTH_ROLES_SOURCE: 'directory' | 'token' = 'directory';

  /** Claim holding the roles (array of strings) of a person (AUTH_ROLES_SOURCE=token) or a service. */
  @IsString()
  AUTH_ROLES_CLAIM = 'roles';

  /** Leeway for clocks that differ between the issuer and the API, on `exp`, `nbf` and `iat`; none by default. */
  @IsDuration()
  AUTH_CLOCK_TOLERANCE = '0';

  /** How long a live-state query may take before GET /participations/:id answers without it. */
  @IsDuration()
  QUERY_TIMEOUT = '3 seconds';

  /*
   * Temporal Cloud or a cluster with TLS: the names of the Temporal SDKs'
   * environment configuration (TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE above).
   * An API key, or an mTLS client certificate and key, not both.
   */
  /** API key of a Temporal Cloud namespace (turns TLS on). */
  @IsOptional()
  @IsString()
  TEMPORAL_API_KEY?: string;

  /**
   * A self-hosted cluster that authorizes each call from JWT claims (Temporal's
   * default claim mapper, infra/cluster): this process's own client-credential
   * client at the OpenID Connect provider. Its access token, refreshed before it
   * expires, goes with every call as `authorization: Bearer …`. Id and secret go
   * together; not with TEMPORAL_API_KEY.
   */
  @IsOptional()
  @Matches(/^[\w.-]+$/, { message: 'TEMPORAL_AUTH_CLIENT_ID must be a client id (letters, digits, . _ -)' })
  TEMPORAL_AUTH_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  TEMPORAL_AUTH_CLIENT_SECRET?: string;

  /** The provider that issues those tokens; AUTH_ISSUER when unset. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  TEMPORAL_AUTH_ISSUER?: string;

  /** `true` for TLS with the system's trusted roots; implied by an API key or a client certificate. */
  @IsOptional()
  @IsIn(['true', 'false'])
  TEMPORAL_TLS?: 'true' | 'false';

  /** PEM client certificate for mTLS (Temporal Cloud's certificate auth, or a cluster's). */
  @IsOptional()
  @IsString()
  TEMPORAL_TLS_CLIENT_CERT_PATH?: string;

  @IsOptional()
  @IsString()
  TEMPORAL_TLS_CLIENT_KEY_PATH?: string;

  /** PEM CA of a self-hosted cluster's server certificate; Temporal Cloud needs none. */
  @IsOptional()
  @IsString()
  TEMPORAL_TLS_SERVER_CA_CERT_PATH?: string;

  /** Server name to verify when it differs from the address's host. */
  @IsOptional()
  @IsString()
  TEMPORAL_TLS_SERVER_NAME?: string;

  /** Scaling knobs of each worker process; unset means the SDK's defaults (README, Scaling). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WORKER_MAX_CONCURRENT_ACTIVITIES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2)
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS?: number;

  /**
   * Memory a worker process may use, in MiB (its container's limit): caps the
   * workflow thread's heap and sizes the workflow cache (worker-memory.ts).
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(WORKER_MEMORY_BUDGET_MIN_MIB)
  WORKER_MEMORY_BUDGET_MIB?: number = 1_024;

  /**
   * Workflows kept in memory between tasks; 0 replays every workflow task from
   * history. Unset, it follows WORKER_MEMORY_BUDGET_MIB (384 at 1 GiB). The
   * SDK's own default grows with the heap (about 2,300 here) and took the
   * worker past 850 MiB at 2,500 open participations (npm run bench).
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  WORKER_MAX_CACHED_WORKFLOWS?: number = undefined;

  /** Port of the worker's /health endpoint (Kubernetes probes); no HTTP server when unset. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT?: number;

  /** Where people reach the API and the inbox page; links in notifications start with it. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  /** SMTP server for notification e-mails (`smtp://user:pass@host:587`, `smtps://…`); no e-mail without it. */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string = undefined;

  @IsString()
  @Matches(/@/, { message: 'MAIL_FROM must hold an e-mail address' })
  MAIL_FROM = 'Participations <no-reply@participations.invalid>';

  /** Optional HTTP endpoint that receives every notification as a JSON POST. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  NOTIFY_WEBHOOK_URL?: string = undefined;

  /** How often the notifier looks for notifications to send. */
  @IsDuration()
  NOTIFY_POLL_INTERVAL = '5 seconds';

  /** Wait before the first retry of a failed delivery; it doubles at each attempt up to NOTIFY_RETRY_MAX. */
  @IsDuration()
  NOTIFY_RETRY_INITIAL = '30 seconds';

  @IsDuration()
  NOTIFY_RETRY_MAX = '1 hour';

  /** Attempts before a notification is given up as `failed`. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  NOTIFY_MAX_ATTEMPTS = 8;

  /** Time zone of the dates written in notifications. */
  @IsTimeZone()
  NOTIFY_TIME_ZONE = 'America/Toronto';

  /** How often the worker looks for published events (CloudEvents) to deliver to webhooks and the broker. */
  @IsDuration()
  EVENTS_POLL_INTERVAL = '1 second';

  /** Wait before the first retry of a failed event delivery; it doubles at each attempt up to EVENTS_RETRY_MAX. */
  @IsDuration()
  EVENTS_RETRY_INITIAL = '5 seconds';

  @IsDuration()
  EVENTS_RETRY_MAX = '10 minutes';

  /** Attempts before an event delivery goes to the dead-letter list (an admin reads and replays it there). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  EVENTS_MAX_ATTEMPTS = 10;

  /** NATS server with JetStream (`nats://host:4222`): CloudEvents in and out over the broker. Unset: no broker. */
  @IsOptional()
  @Matches(/^(nats|tls):\/\/[^\s]+$/, { message: 'NATS_URL must be a nats:// or tls:// URL' })
  NATS_URL?: string = undefined;

  /** First token of the broker's subjects and streams: `<prefix>.in.>`, `<prefix>.out.<type>`, `<prefix>.dead`. */
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'NATS_SUBJECT_PREFIX must be 1-40 lower-case letters, digits or dashes' })
  NATS_SUBJECT_PREFIX = 'participations';
  /**
   * host:port where the worker serves Prometheus metrics (the Temporal SDK's and
   * the project's task counters) at /metrics; unset, the worker serves none.
   */
  @IsOptional()
  @Matches(/^[^\s:]+:\d+$/, { message: 'WORKER_METRICS_ADDRESS must be host:port' })
  WORKER_METRICS_ADDRESS?: string;

  /**
   * OpenTelemetry collector receiving traces over OTLP/HTTP (`<endpoint>/v1/traces`,
   * JSON); unset, tracing is off. Read by libs/telemetry before this validation runs.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string = undefined;

  /** The traces' `service.name`; by default participations-api or participations-worker. */
  @IsOptional()
  @IsString()
  OTEL_SERVICE_NAME?: string = undefined;
  /** Long-running participations continue as new after this many reporting cycles, to bound their history. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  CYCLES_PER_RUN = 12;

  /**
   * AES-256-GCM keys that encrypt workflow payloads before they reach Temporal:
   * `id:base64key` pairs separated by commas, the first one encrypting. Unset: payloads are stored as plain JSON.
   */
  @IsOptional()
  @IsCodecKeyList()
  PAYLOAD_CODEC_KEYS?: string = undefined;

  /** Browser origins allowed to call the API (CORS); unset: none, CORS stays closed. */
  @IsOptional()
  @IsOriginList()
  CORS_ORIGINS?: string = undefined;

  /** Browser origins allowed to call /codec: the Temporal UI's origin, for its remote codec. */
  @IsOptional()
  @IsOriginList()
  CODEC_CORS_ORIGINS?: string = undefined;

  /** Write requests (POST, PUT, PATCH, DELETE) one caller may send per RATE_LIMIT_WINDOW. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_WRITES = 120;

  @IsDuration()
  RATE_LIMIT_WINDOW = '1 minute';

  /** Temporal UI that people open from the console (links to a participation or a filtered list); none: no links. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  TEMPORAL_UI_URL?: string = undefined;

  /** OpenID Connect client id of the web console (authorization code with PKCE). */
  @IsString()
  @Matches(/^[\w.:-]{1,100}$/, { message: 'CONSOLE_OIDC_CLIENT_ID must be 1-100 letters, digits, dots, colons or dashes' })
  CONSOLE_OIDC_CLIENT_ID = 'console';
}
