import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/*
 * What a careless or hostile caller sends: text of every kind, JSON of every
 * shape, valid bodies with one thing wrong, odd paths, queries and headers.
 */

const SQL = ["'; DROP TABLE tasks; --", "' OR '1'='1", 'Robert"); DELETE FROM participations;--', '$1', '\\x00', "E'\\\\'"];
const HTML = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '&lt;b&gt;', '"><svg/onload=alert(1)>', '{{7*7}}', '${7*7}'];
const CONTROL = ['\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u001b[31m', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\u200b'];

/** Text PostgreSQL stores as sent: SQL, HTML, control characters, any Unicode, no NUL and no lone surrogate. */
export const storableText = fc
  .array(fc.oneof(fc.constantFrom(...SQL, ...HTML, ...CONTROL), fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 8 })
  .map((parts) => parts.join(''));

/** Any text at all, NUL and lone surrogates included. */
export const anyText = fc.oneof(
  storableText,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfff', 'x'.repeat(5000), '-1', '1e309', 'null', 'true', '__proto__'),
);

const leaf = fc.oneof(
  anyText,
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 2 ** 53, 1e308, -1e308, Number.MIN_VALUE),
  fc.boolean(),
  fc.constant(null),
);

/** JSON of any shape, a few levels deep. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), anyText), tie('value'), { maxKeys: 4 }),
})).value;

/** Nested far deeper than any body of ours. */
export const deepJson = fc.integer({ min: 10, max: 300 }).map((depth) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
});

type Path = Array<string | number>;

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

function setAt(root: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  if (path.length === 0) return copy;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path[path.length - 1]);
  return copy;
}

/** A valid body with one thing wrong: a value replaced, a field removed, or a field added. */
export function mutatedBody(valid: object): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const fields = paths.filter((p) => p.length > 0);
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...paths), fc.oneof(anyJson, deepJson))
      .map(([path, value]) => (path.length === 0 ? value : setAt(valid, path, (parent, key) => (parent[key] = value)))),
    fields.length > 0
      ? fc.constantFrom(...fields).map((path) => setAt(valid, path, (parent, key) => delete parent[key]))
      : fc.constant(valid),
    fc.tuple(fc.constantFrom(...paths), fc.string({ minLength: 1, maxLength: 10 }), anyJson).map(([path, extra, value]) =>
      setAt(valid, path, (parent, key) => {
        const target = parent[key];
        if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[`x${extra}`] = value;
      }),
    ),
    fc.constant(valid),
  );
}

/** A path segment: a real id, a random UUID, or something that is no id at all, escaped or malformed. */
export function pathSegment(realIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...realIds),
    fc.constant(null).map(() => randomUUID()),
    anyText.map((text) => {
      try {
        return encodeURIComponent(text) || '%20';
      } catch {
        return '%ED%A0%80'; // a lone surrogate cannot be URI-encoded; send its raw UTF-8 bytes
      }
    }),
    fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%80', '..', '%2e%2e', '%2F', '%00', '00000000-0000-0000-0000-000000000000'),
  );
}

/** A query string over the known parameters and unknown ones, values of any kind, some escapes malformed. */
export function queryString(knownKeys: string[]): fc.Arbitrary<string> {
  const value = fc.oneof(anyText, fc.integer().map(String), fc.constantFrom('0', '-1', '1.5', '1e3', '99999999999', '%', '%zz'));
  const encode = (text: string) => {
    try {
      return /^%/.test(text) ? text : encodeURIComponent(text);
    } catch {
      return '%ED%A0%80';
    }
  };
  return fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...knownKeys), fc.string({ minLength: 1, maxLength: 8 })), value), { maxLength: 5 })
    .map((pairs) => pairs.map(([key, v]) => `${encode(key)}=${encode(v)}`).join('&'));
}

export type Framing = 'json' | 'broken-json' | 'text/plain' | 'json-utf16' | 'gzip-claimed' | 'br-claimed' | 'form';

/** How the body travels: JSON (most often), broken JSON, another content type, charset or encoding. */
export const bodyFraming: fc.Arbitrary<Framing> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('json' as const) },
  fc.constantFrom<Framing>('broken-json', 'text/plain', 'json-utf16', 'gzip-claimed', 'br-claimed', 'form'),
);

export const acceptLanguage = fc.option(fc.constantFrom('en', 'fr', '*', 'de', 'en;q=0', 'xx-YY', '', 'en-CA,en;q=0.9', 'fr;q=abc'), {
  nil: undefined,
});

export const idempotencyKey = fc.option(fc.oneof(fc.uuid(), fc.constantFrom('', ' ', 'k'.repeat(129), 'é', 'a b', 'ok-key_1.2:3')), {
  nil: undefined,
  freq: 3,
});
