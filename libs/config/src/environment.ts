import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsDuration } from './is-duration.validator';

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

  /** How long a live-state query may take before GET /participations/:id answers without it. */
  @IsDuration()
  QUERY_TIMEOUT = '3 seconds';

  /**
   * Workflows the worker keeps in memory between their tasks. The SDK's default
   * grows with the heap limit (about 2,300 here) and took the worker past 850 MiB
   * at 2,500 open participations (npm run bench); an evicted one is replayed from
   * its short history when it next has work.
   */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(100_000)
  WORKER_MAX_CACHED_WORKFLOWS = 1_000;
}
