import { readFileSync } from 'fs';
import * as path from 'path';
import { Environment } from '../../libs/config/src/environment';
import { KIND_SETTINGS, loadProcessConfig } from '../../workflows/registry-lookups';

/*
 * .env.example is the configuration table as a file: the same settings as
 * docs/configuration.md, every one the configuration schema reads (the
 * Environment class and each kind's settings), each default valid for it.
 */
const root = path.join(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Every `KEY=value` of the example, commented out or not. */
const example = new Map(
  [...read('.env.example').matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=(.*)$/gm)].map(([, key, value]) => [key, value.replace(/^"(.*)"$/, '$1')]),
);
const documented = new Set(
  [...read('docs/configuration.md').matchAll(/^\| (.+?) \|/gm)].flatMap(([, cell]) =>
    [...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]),
  ),
);

describe('.env.example', () => {
  it('holds every setting of the configuration table, and only those', () => {
    expect(documented.size).toBeGreaterThan(40);
    expect([...example.keys()].sort()).toEqual([...documented].sort());
  });

  it('holds every setting the configuration schema reads', () => {
    const schema = [...Object.keys(new Environment()), ...KIND_SETTINGS.map((setting) => setting.name)];
    expect(schema.filter((key) => !example.has(key))).toEqual([]);
  });

  it('gives defaults that the configuration accepts, all at once', () => {
    const given = Object.fromEntries([...example].filter(([, value]) => value !== ''));
    expect(Object.keys(given).length).toBeGreaterThan(30);
    expect(() => loadProcessConfig(given)).not.toThrow();
  });

  it('would catch a wrong default', () => {
    // The check above can fail: the same load refuses a value out of the schema.
    expect(() => loadProcessConfig({ ...Object.fromEntries(example), NOTIFY_MAX_ATTEMPTS: 'often' })).toThrow(/NOTIFY_MAX_ATTEMPTS/);
  });
});
