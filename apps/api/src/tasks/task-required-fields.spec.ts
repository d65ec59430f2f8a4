import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REQUIRED_FIELDS_BY_TASK_KIND } from './task-required-fields';

/** Every `requiredFields` a workflow writes, with the task kind it belongs to (the nearest kind named before it). */
function requiredFieldsInWorkflows(): Array<{ kind: string; field: string; file: string }> {
  const root = join(__dirname, '../../../../workflows');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
    });
  return files(root).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    return [...source.matchAll(/requiredFields: \{ (\w+):/g)].map((match) => {
      const before = source.slice(0, match.index);
      const kinds = [...before.matchAll(/kind: '([\w-]+)'|task\('([\w-]+)'/g)];
      const last = kinds[kinds.length - 1];
      return { kind: last?.[1] ?? last?.[2] ?? '?', field: match[1], file };
    });
  });
}

describe('required fields by task kind', () => {
  it('lists every field a workflow requires, under its task kind', () => {
    const found = requiredFieldsInWorkflows();
    expect(found.length).toBeGreaterThanOrEqual(6);
    for (const { kind, field, file } of found) {
      expect({ file, kind, field, listed: Object.keys(REQUIRED_FIELDS_BY_TASK_KIND[kind] ?? {}) }).toEqual(
        expect.objectContaining({ listed: expect.arrayContaining([field]) }),
      );
    }
  });
});
