import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Caller, Role } from './caller';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';

/** No token needed (health, docs, the inbox page's HTML). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Any of these roles may call the handler; admin always may. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export type AuthenticatedRequest = Request & { caller?: Caller };

export const CurrentCaller = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Caller => ctx.switchToHttp().getRequest<AuthenticatedRequest>().caller as Caller,
);
