import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The request id pino-http assigned (or the caller's X-Request-Id), kept in the audit journal. */
export const RequestId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | undefined => {
  const id = ctx.switchToHttp().getRequest<{ id?: string | number }>().id;
  return id === undefined ? undefined : String(id);
});
