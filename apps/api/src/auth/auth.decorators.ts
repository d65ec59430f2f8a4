import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Caller, Role } from './caller';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';
export const OPEN_TO_SERVICES = 'auth:services';

/** No token needed (health, docs, the inbox page's HTML). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Any of these roles may call the handler; admin always may. A service role opens it to services. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** Services (client-credential tokens) may call it too, whatever their role; other routes are for people. */
export const OpenToServices = () => SetMetadata(OPEN_TO_SERVICES, true);

export const OPEN_TO_PARTNERS = 'auth:partners';

/**
 * Partners may call this route open to anyone signed in (their profile, their
 * own tasks). Partners are refused every other route that does not name the
 * `partner` role: what is not opened to them is closed.
 */
export const OpenToPartners = () => SetMetadata(OPEN_TO_PARTNERS, true);

export type AuthenticatedRequest = Request & { caller?: Caller };

export const CurrentCaller = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Caller => ctx.switchToHttp().getRequest<AuthenticatedRequest>().caller as Caller,
);
