import { Inject, Injectable, type PipeTransform } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { directoryRefsIn, type NamedRef } from '@lib/validation';
import { DomainError, type FieldProblem } from '../common/domain-error';

interface DirectoryRow {
  kind: 'person' | 'group';
  key: string;
  active: boolean;
  roles: string[] | null;
  members: number | null;
}

/**
 * Checks the people and groups a request names (the fields marked @PersonRef
 * and @GroupRef, or given by the caller) against the directory, all in one
 * query: each person must exist, be active and hold the field's role; each
 * group must exist, be active and, for a candidate group, have an active member.
 */
@Injectable()
export class DirectoryRefs {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws a 400 naming every field of `dto` (under `prefix`) whose person or group does not fit. */
  async check(dto: object, prefix = ''): Promise<void> {
    await this.checkRefs(directoryRefsIn(dto, prefix));
  }

  async checkRefs(refs: NamedRef[]): Promise<void> {
    const problems = await this.problems(refs);
    if (problems.length > 0) throw new DomainError('validation-failed', 'error.validation', {}, problems);
  }

  async problems(refs: NamedRef[]): Promise<FieldProblem[]> {
    if (refs.length === 0) return [];
    const people = [...new Set(refs.filter((r) => r.ref.kind === 'person').map((r) => r.value))];
    const groups = [...new Set(refs.filter((r) => r.ref.kind === 'group').map((r) => r.value))];
    const rows: DirectoryRow[] = await this.dataSource.query(
      `SELECT 'person' AS kind, p.id AS key, p.active, p.roles, NULL::int AS members FROM people p WHERE p.id = ANY($1::text[])
       UNION ALL
       SELECT 'group', g.code, g.active, NULL,
              (SELECT count(*)::int FROM people m WHERE m.active AND g.code = ANY(m.groups))
         FROM groups g WHERE g.code = ANY($2::text[])`,
      [people, groups],
    );
    const found = new Map(rows.map((row) => [`${row.kind}:${row.key}`, row]));
    return refs.flatMap(({ field, value, ref }): FieldProblem[] => {
      const row = found.get(`${ref.kind}:${value}`);
      if (ref.kind === 'group') {
        if (!row?.active) return [{ field, constraint: 'isActiveGroup', params: { value } }];
        if (ref.needsMembers && !row.members) return [{ field, constraint: 'hasActiveMembers', params: { value } }];
        return [];
      }
      if (!row?.active) return [{ field, constraint: 'isActivePerson', params: { value } }];
      // With AUTH_ROLES_SOURCE=token the provider holds the roles: the directory's may be empty.
      const roles = row.roles ?? [];
      const checkRoles = this.config.auth.rolesSource === 'directory' && ref.roles.length > 0 && !roles.includes('admin');
      if (checkRoles && !ref.roles.some((role) => roles.includes(role))) {
        return [{ field, constraint: 'hasPersonRole', params: { value, roles: ref.roles.join(', ') } }];
      }
      return [];
    });
  }
}

/** `@Body(DirectoryRefsPipe)`: after validation, the people and groups the body names are checked (400 naming each field). */
@Injectable()
export class DirectoryRefsPipe implements PipeTransform<object, Promise<object>> {
  constructor(private readonly refs: DirectoryRefs) {}

  async transform(value: object): Promise<object> {
    await this.refs.check(value);
    return value;
  }
}
