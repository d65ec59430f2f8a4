import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { JWTPayload } from 'jose';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { DomainError } from '../common/domain-error';
import { hasRole, isPartnerOnly, PERSON_ROLES, SERVICE_ROLES, type Caller, type Role } from './caller';
import { IS_PUBLIC, OPEN_TO_PARTNERS, OPEN_TO_SERVICES, REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators';
import { CallerDirectory } from './caller-directory';
import { KeySetUnavailableError, TokenVerifier } from './token-verifier.service';

/**
 * Every route needs a valid bearer token unless marked @Public(): 401 without
 * one. A person's token must name an active person of the directory (403
 * otherwise); a service's token (client credentials) reaches only the routes
 * open to its role. 403 naming the roles needed when the caller lacks them.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: CallerDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = await this.authenticate(request.headers.authorization);
    request.caller = caller;
    const required = this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets) ?? [];
    const forServices =
      this.reflector.getAllAndOverride<boolean>(OPEN_TO_SERVICES, targets) ||
      required.some((role) => (SERVICE_ROLES as readonly string[]).includes(role));
    if (caller.kind === 'service' && !forServices) throw new DomainError('not-allowed', 'error.serviceNotAllowed', { client: caller.id });
    // Partners reach only what names them, or what is opened to them: closed by default.
    const openToPartners = required.includes('partner') || this.reflector.getAllAndOverride<boolean>(OPEN_TO_PARTNERS, targets);
    if (isPartnerOnly(caller) && !openToPartners) throw new DomainError('not-allowed', 'error.partnerNotAllowed');
    if (required.length > 0 && !hasRole(caller, ...required)) {
      throw new DomainError('not-allowed', 'error.roleRequired', { roles: required.join(', ') });
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Caller> {
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token) throw new DomainError('unauthenticated', 'error.unauthenticated');
    let claims: JWTPayload;
    try {
      claims = await this.verifier.verify(token);
    } catch (err) {
      // The reason (expired, bad signature) is logged; the token itself never is.
      const reason = err instanceof Error ? err.message : String(err);
      if (err instanceof KeySetUnavailableError) {
        this.logger.error({ reason }, 'bearer token not verifiable');
        throw new DomainError('unavailable', 'error.unavailable', { dependency: 'OpenID Connect' });
      }
      this.logger.warn({ reason }, 'bearer token refused');
      throw new DomainError('unauthenticated', 'error.invalidToken');
    }
    const subject = claims.sub as string;
    // A client signed in as itself (client credentials): its subject is its own client id.
    if (subject === claims.client_id || subject === claims.azp) {
      return { id: subject, kind: 'service', roles: this.rolesIn(claims, SERVICE_ROLES), groups: [] };
    }
    const person = await this.directory.person(subject);
    if (!person?.active) throw new DomainError('not-allowed', 'error.notAnActivePerson', { subject });
    if (this.config.auth.rolesSource === 'directory') {
      return {
        id: subject,
        kind: 'person',
        roles: onlyRoles(person.roles, PERSON_ROLES),
        groups: person.groups,
        organization: person.organization,
      };
    }
    const claimedGroups = Array.isArray(claims.groups) ? claims.groups.filter((g): g is string => typeof g === 'string') : [];
    return {
      id: subject,
      kind: 'person',
      roles: this.rolesIn(claims, PERSON_ROLES),
      groups: [...new Set([...person.groups, ...claimedGroups])],
      organization: person.organization,
    };
  }

  private rolesIn(claims: JWTPayload, allowed: readonly Role[]): Role[] {
    const claimed = claims[this.config.auth.rolesClaim];
    return onlyRoles(Array.isArray(claimed) ? (claimed as unknown[]) : [], allowed);
  }
}

/** The known roles among `values`: a person never holds a service's role, nor a service a person's. */
function onlyRoles(values: unknown[], allowed: readonly Role[]): Role[] {
  return values.filter((r): r is Role => typeof r === 'string' && allowed.includes(r as Role));
}
