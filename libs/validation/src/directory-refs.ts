import 'reflect-metadata';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** The roles a person of the directory may hold. */
/** `partner`: a person of an outside organization (a university, a city), who sees and acts only on their organization's work. */
export const PERSON_ROLES = ['coordinator', 'expert', 'supervisor', 'admin', 'partner'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** What a field names in the directory: a person (holding one of `roles`, when any are given) or a candidate group. */
export type DirectoryRef = { kind: 'person'; roles: readonly PersonRole[] } | { kind: 'group'; needsMembers: boolean };

/** One identifier a request names, with where it is (`issueAreas.0.expertId`) and what it must be. */
export interface NamedRef {
  field: string;
  value: string;
  ref: DirectoryRef;
}

const DIRECTORY_REF = Symbol('directory-ref');

/** Records what the field names, where directoryRefsIn() finds it on any instance of the class (or a subclass). */
function markRef(ref: DirectoryRef): PropertyDecorator {
  return (target, property) => Reflect.defineMetadata(DIRECTORY_REF, ref, target, property);
}

/** An extension of the field's OpenAPI schema (`x-…`), which the console's pickers read. */
const schemaExtension = (name: `x-${string}`, value: unknown) => ApiProperty({ [name]: value });

/**
 * The field (an identifier, or a list of them) names a person of the directory,
 * who must exist and be active, and hold one of `role` when given (admins
 * always do): the API checks every such field of a request in one query and
 * answers 400 naming the field. Its schema says `x-person: { role }` (roles
 * comma-separated), so the console offers people of that role to pick from.
 */
export function PersonRef(options: { role?: PersonRole | readonly PersonRole[] } = {}): PropertyDecorator {
  const roles: readonly PersonRole[] = options.role === undefined ? [] : typeof options.role === 'string' ? [options.role] : options.role;
  return applyDecorators(
    markRef({ kind: 'person', roles }),
    schemaExtension('x-person', roles.length > 0 ? { role: roles.join(',') } : {}),
  );
}

/**
 * The field (a code, or a list of them) names a group of the directory, which
 * must exist and be active, and, as a candidate group that tasks are offered
 * to, have at least one active member to take them (400 naming the field
 * otherwise). `needsMembers: false` for a person's own groups (a new group's
 * first member). Its schema says `x-group: true`.
 */
export function GroupRef({ needsMembers = true }: { needsMembers?: boolean } = {}): PropertyDecorator {
  return applyDecorators(markRef({ kind: 'group', needsMembers }), schemaExtension('x-group', true));
}

/**
 * Every person and group a validated DTO names, nested objects and lists
 * included, with the path of each (`issueAreas.0.expertId`, `mandateApproverIds.1`).
 */
export function directoryRefsIn(dto: object, prefix = ''): NamedRef[] {
  const found: NamedRef[] = [];
  for (const [property, value] of Object.entries(dto)) {
    const field = prefix ? `${prefix}.${property}` : property;
    const ref = Reflect.getMetadata(DIRECTORY_REF, dto, property) as DirectoryRef | undefined;
    if (ref) {
      if (typeof value === 'string') found.push({ field, value, ref });
      else if (Array.isArray(value))
        value.forEach((item, i) => typeof item === 'string' && found.push({ field: `${field}.${i}`, value: item, ref }));
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => isObject(item) && found.push(...directoryRefsIn(item, `${field}.${i}`)));
    } else if (isObject(value)) {
      found.push(...directoryRefsIn(value, field));
    }
  }
  return found;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
