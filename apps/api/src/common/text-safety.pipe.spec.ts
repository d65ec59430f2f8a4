import { DomainError } from './domain-error';
import { MAX_DEPTH, TextSafetyPipe, textProblems } from './text-safety.pipe';

describe('TextSafetyPipe', () => {
  const pipe = new TextSafetyPipe();

  it('lets SQL, HTML, control characters and emoji through untouched', () => {
    const body = { title: "'; DROP TABLE tasks; -- <script>alert(1)</script>\u0001\u001b[31m\u2028😀", list: ['\t\r\n'] };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
  });

  it('names every string or key holding NUL or a lone surrogate', () => {
    const problems = textProblems({ title: 'a\u0000b', deliverable: { fields: { ['k\uD800']: 'ok', v: ['x', '\uDC00'] } } });
    expect(problems.map((p) => `${p.field}:${p.constraint}`).sort()).toEqual([
      'deliverable.fields.k\uD800:isWellFormedText',
      'deliverable.fields.v.1:isWellFormedText',
      'title:isWellFormedText',
    ]);
    expect(() => pipe.transform({ title: '\u0000' }, { type: 'body' })).toThrow(DomainError);
  });

  it('names a path parameter by its name, and caps nesting without recursion', () => {
    expect(textProblems('\u0000', 'id')).toEqual([{ field: 'id', constraint: 'isWellFormedText' }]);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i += 1) deep = { a: deep };
    const problems = textProblems(deep);
    expect(problems).toHaveLength(1);
    expect(problems[0].constraint).toBe('maxDepth');
    expect(problems[0].field.split('.')).toHaveLength(MAX_DEPTH);
  });
});
