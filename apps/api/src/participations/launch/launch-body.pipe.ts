import { Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Kind, LaunchBody } from '@workflows/kind-definition';
import { kindNamed, PARTICIPATION_KINDS } from '@workflows/registry-lookups';
import { DomainError } from '../../common/domain-error';
import { validationFailed } from '../../common/validation';

/** A launch body checked against its kind's DTO, with the kind it launches. */
export interface ValidatedLaunch {
  kind: Kind;
  dto: LaunchBody;
}

/** Validates a launch body against the DTO of its `kind`: one endpoint, one set of rules per kind. */
@Injectable()
export class LaunchBodyPipe implements PipeTransform<unknown, Promise<ValidatedLaunch>> {
  async transform(body: unknown): Promise<ValidatedLaunch> {
    const code = (body as { kind?: unknown } | null)?.kind;
    const kind = typeof code === 'string' ? kindNamed(code) : undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body) || !kind) {
      throw new DomainError('validation-failed', 'error.validation', {}, [
        { field: 'kind', constraint: 'isIn', params: { values: PARTICIPATION_KINDS.join(', ') } },
      ]);
    }
    const dto = plainToInstance(kind.launch.dto, body) as LaunchBody;
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw validationFailed(errors);
    return { kind, dto };
  }
}
