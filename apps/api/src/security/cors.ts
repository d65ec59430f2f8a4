import type { NestExpressApplication } from '@nestjs/platform-express';
import cors from 'cors';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '@lib/config';

export const CODEC_PATH = '/codec';

/**
 * CORS is closed unless origins are listed. The codec endpoint has its own
 * list (the Temporal UI's origin): the UI calls it from the supervisor's
 * browser with `X-Namespace` and, when configured to, the supervisor's token.
 */
export function applyCors(app: NestExpressApplication, config: AppConfig): void {
  const codecOrigins = config.payloadCodec.corsOrigins;
  if (codecOrigins.length > 0) {
    app.use(
      CODEC_PATH,
      cors({
        origin: codecOrigins,
        methods: ['POST'],
        // The UI sends the person's ID token beside the access token (Authorization-Extras) when it passes tokens.
        allowedHeaders: ['Content-Type', 'X-Namespace', 'Authorization', 'Authorization-Extras'],
        credentials: true,
        maxAge: 600,
      }),
    );
  }
  const apiOrigins = config.http.corsOrigins;
  if (apiOrigins.length > 0) {
    const api = cors({
      origin: apiOrigins,
      allowedHeaders: ['Content-Type', 'Authorization', 'Accept-Language', 'Idempotency-Key'],
      exposedHeaders: ['Retry-After'],
      credentials: true,
      maxAge: 600,
    });
    app.use((req: Request, res: Response, next: NextFunction) => (isCodecPath(req.path) ? next() : api(req, res, next)));
  }
}

function isCodecPath(path: string): boolean {
  return path === CODEC_PATH || path.startsWith(`${CODEC_PATH}/`);
}
