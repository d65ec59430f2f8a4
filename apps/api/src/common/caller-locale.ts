import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@lib/contracts';

/** The caller's language from Accept-Language; French when the header says nothing we speak. */
export function localeOf(request: Request): Locale {
  const best = request.acceptsLanguages?.(...LOCALES);
  return (best as Locale | false) || DEFAULT_LOCALE;
}

export const CallerLocale = createParamDecorator((_data: unknown, ctx: ExecutionContext): Locale =>
  localeOf(ctx.switchToHttp().getRequest<Request>()),
);
