import pino from 'pino';
import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';

/** Sends the Temporal SDK's own logs (worker state, workflow and activity logs) through pino as JSON. */
export function temporalLogger(level: string): Logger {
  const log = pino({ name: 'temporal', level });
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
