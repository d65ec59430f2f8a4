import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from './app-config';

/**
 * One JSON line per request with its id, method, path, status and time; no
 * headers, so tokens and cookies never reach the logs.
 */
export function httpLogOptions(config: AppConfig, name: string): Params {
  return {
    pinoHttp: {
      name,
      level: config.logLevel,
      genReqId: (req) => (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  };
}
