import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isStorableText } from '@lib/contracts';
import { DomainError, type FieldProblem } from './domain-error';
import { fieldPath } from './validation';

/** Deeper than this, a body is no longer one of ours; it would only cost stack. */
export const MAX_DEPTH = 8;
const MAX_PROBLEMS = 20;

/**
 * Runs before validation on every body, query and path parameter. PostgreSQL
 * cannot store NUL in text or JSON, and a lone UTF-16 surrogate would come
 * back as U+FFFD: both are refused here, naming the field, so that every
 * other string (SQL, HTML, control characters) is stored and returned exactly.
 * Nesting is capped so that no later recursive step can overflow the stack.
 * The walk is iterative for the same reason.
 */
@Injectable()
export class TextSafetyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problems = textProblems(value, metadata.type === 'param' && metadata.data ? metadata.data : '');
    if (problems.length > 0) throw new DomainError('validation-failed', 'error.validation', {}, problems);
    return value;
  }
}

export function textProblems(root: unknown, rootPath = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (!isStorableText(value)) problems.push({ field: path || 'body', constraint: 'isWellFormedText' });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      problems.push({ field: path || 'body', constraint: 'maxDepth' });
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = fieldPath(path, key);
      if (!isStorableText(key)) problems.push({ field: childPath, constraint: 'isWellFormedText' });
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return problems;
}
