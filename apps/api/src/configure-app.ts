import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { requireUtf8 } from './common/require-utf8';
import { TextSafetyPipe } from './common/text-safety.pipe';
import { createValidationPipe } from './common/validation';
import { applyCors, CODEC_PATH } from './security/cors';

/** Everything the HTTP app needs beyond its modules; shared by main.ts and the e2e tests. */
export function configureApp(app: NestExpressApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.use(helmet());
  applyCors(app, app.get<AppConfig>(APP_CONFIG));
  // The Temporal UI sends whole payloads to the codec endpoint (Temporal allows 2 MB each); others stay small.
  app.use(CODEC_PATH, json({ limit: '4mb', verify: requireUtf8 }));
  // CloudEvents in structured mode (POST /events) is JSON under its own media type.
  app.use('/events', json({ limit: '256kb', verify: requireUtf8, type: 'application/cloudevents+json' }));
  // express's own parser rather than app.useBodyParser: Nest's keeps `verify` for its raw-body option.
  app.use(json({ limit: '256kb', verify: requireUtf8 }));
  app.useGlobalPipes(new TextSafetyPipe(), createValidationPipe());
  // Shutdown hooks run on app.close(); main.ts closes on SIGINT/SIGTERM.
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Participation engine')
      .setDescription(
        'Launch and follow the ministry’s participations in international forums. Errors are in French by default; send Accept-Language: en for English.',
      )
      .setVersion('0.1.0')
      // The scheme every @ApiBearerAuth() operation names: without it Swagger UI has no Authorize button.
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  // The token pasted in Authorize survives a reload of /docs.
  SwaggerModule.setup('docs', app, document, { swaggerOptions: { persistAuthorization: true } });
  return app;
}
