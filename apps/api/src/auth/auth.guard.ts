import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { PersonEntity } from '@lib/persistence';
import { DomainError } from '../common/domain-error';
import { hasRole, ROLES, type Caller, type Role } from './caller';
import { IS_PUBLIC, REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators';
import { TokenVerifier } from './token-verifier.service';

/**
 * Every route needs a valid bearer token unless marked @Public(): 401 without
 * one, 403 naming the roles needed when the caller lacks them.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.caller = await this.authenticate(request.headers.authorization);
    const required = this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets) ?? [];
    if (required.length > 0 && !hasRole(request.caller, ...required)) {
      throw new DomainError('not-allowed', 'error.roleRequired', { roles: required.join(', ') });
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Caller> {
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token) throw new DomainError('unauthenticated', 'error.unauthenticated');
    let claims;
    try {
      claims = await this.verifier.verify(token);
    } catch (err) {
      // The reason (expired, bad signature) is logged; the token itself never is.
      this.logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'bearer token refused');
      throw new DomainError('unauthenticated', 'error.invalidToken');
    }
    const id = claims.sub as string;
    const person = await this.people.findOneBy({ id });
    if (person && !person.active) throw new DomainError('unauthenticated', 'error.invalidToken');
    const claimed = claims[this.config.auth.rolesClaim];
    const roles = (Array.isArray(claimed) ? (claimed as unknown[]) : (person?.roles ?? [])).filter(
      (r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r),
    );
    // Groups from the people table, plus any the issuer puts in a `groups` claim.
    const claimedGroups = Array.isArray(claims.groups) ? claims.groups.filter((g): g is string => typeof g === 'string') : [];
    return { id, roles, groups: [...new Set([...(person?.groups ?? []), ...claimedGroups])] };
  }
}
