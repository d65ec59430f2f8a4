import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Limits write requests (launches, steps, task completions) per caller; reads
 * are not limited. The caller is its IP address until authentication lands
 * (issue 4), then the token's subject. Over the limit: 429 in the caller's
 * language with Retry-After, set by the base guard.
 */
@Injectable()
export class WriteThrottlerGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(READ_METHODS.has(context.switchToHttp().getRequest<Request>().method));
  }

  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    // Per caller: the token's subject once authenticated (this guard runs after AuthGuard), else the address.
    const caller = (req as { caller?: { id?: string } }).caller;
    return Promise.resolve(caller?.id ? `caller:${caller.id}` : `ip:${(req as unknown as Request).ip ?? 'unknown'}`);
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new DomainError('rate-limited', 'error.rateLimited', { seconds: Math.max(1, Math.ceil(detail.timeToBlockExpire)) });
  }
}
