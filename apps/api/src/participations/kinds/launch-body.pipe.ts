import { Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '../../common/domain-error';
import { validationFailed } from '../../common/validation';
import { KIND_LAUNCHERS } from './kind-registry';

export interface ValidatedLaunch {
  kind: string;
  dto: { kind: string; businessKey: string; title: string; forum: string; coordinatorId: string };
}

/** Validates a launch body against the DTO of its `kind`: one endpoint, one set of rules per kind. */
@Injectable()
export class LaunchBodyPipe implements PipeTransform<unknown, Promise<ValidatedLaunch>> {
  async transform(body: unknown): Promise<ValidatedLaunch> {
    const kind = (body as { kind?: unknown } | null)?.kind;
    const launcher = typeof kind === 'string' ? KIND_LAUNCHERS[kind as keyof typeof KIND_LAUNCHERS] : undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body) || !launcher) {
      throw new DomainError('validation-failed', 'error.validation', {}, [
        { field: 'kind', constraint: 'isIn', params: { values: Object.keys(KIND_LAUNCHERS).join(', ') } },
      ]);
    }
    const dto = plainToInstance(launcher.dto as ClassConstructor<ValidatedLaunch['dto']>, body);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw validationFailed(errors);
    return { kind: launcher.kind, dto };
  }
}
