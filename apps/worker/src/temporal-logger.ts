import pino from 'pino';
import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';
import { prettyLogTransport } from '@lib/config';
import { logTraceMixin } from '@lib/telemetry';

/** Sends the Temporal SDK's own logs (worker state, workflow and activity logs) through pino, as JSON or readable lines. */
export function temporalLogger(level: string, pretty = false): Logger {
  const log = pino({ name: 'temporal', level, transport: prettyLogTransport({ logPretty: pretty }), mixin: logTraceMixin });
  const write = (sdkLevel: LogLevel, message: string, meta?: LogMetadata) => {
    const method = sdkLevel.toLowerCase() as 'trace' | 'debug' | 'info' | 'warn' | 'error';
    log[method](meta ?? {}, message);
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}
