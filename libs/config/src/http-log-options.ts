import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import type { TransportSingleOptions } from 'pino';
// By relative path: the test setup loads libs/config without tsconfig paths.
import { logTraceMixin } from '../../telemetry/src/log-trace-mixin';
import type { AppConfig } from './app-config';

/**
 * pino-pretty, for a person reading a terminal: one line per entry, with the
 * process's name (api, worker, temporal), so that the processes of npm run up
 * read apart; undefined keeps JSON lines.
 */
export function prettyLogTransport(config: Pick<AppConfig, 'logPretty'>): TransportSingleOptions | undefined {
  if (!config.logPretty) return undefined;
  return {
    target: 'pino-pretty',
    // "12:03:04 INFO (api): RoutesResolver · Mapped {/tasks, GET} route", the rest of the entry on the same line.
    options: {
      colorize: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,context',
      messageFormat: '{if context}{context} · {end}{msg}',
      singleLine: true,
    },
  };
}

/**
 * One JSON line per request with its id, method, path, status and time; no
 * headers, so tokens and cookies never reach the logs.
 */
export function httpLogOptions(config: AppConfig, name: string): Params {
  return {
    pinoHttp: {
      name,
      level: config.logLevel,
      transport: prettyLogTransport(config),
      // trace_id and span_id on every line written inside a span (tracing on).
      mixin: logTraceMixin,
      genReqId: (req) => (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  };
}
