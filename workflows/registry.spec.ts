import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { KIT_STRINGS } from '../libs/contracts/src';
import type { Kind } from './kind-definition';
import { KINDS } from './registry';
import { ALL_MESSAGES, KIND_SETTINGS, loadProcessConfig, PARTICIPATION_KINDS } from './registry-lookups';

const WORKFLOWS = __dirname;
const ROOT = join(WORKFLOWS, '..');
const kinds = Object.entries(KINDS) as Array<[string, Kind]>;

/** Source files below `dir` (TypeScript, tests excluded). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.(e2e-|cluster-)?spec\.ts$/.test(name) ? [path] : [];
  });
}

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

/**
 * A kind lives in one folder: what it must hold, that the registry is the only
 * list of kinds, and that nothing outside the folder names the kind.
 */
describe('the registry of kinds', () => {
  it('lists every kind folder, and only those', () => {
    const folders = readdirSync(WORKFLOWS).filter((name) => name !== 'kit' && statSync(join(WORKFLOWS, name)).isDirectory());
    expect([...PARTICIPATION_KINDS].sort()).toEqual(folders.sort());
  });

  it.each(kinds)('finds every part of %s in its folder', (code, kind) => {
    const folder = join(WORKFLOWS, code);
    const parts = ['contract', 'strings', 'launch', 'kind'].map((part) => `${code}.${part}.ts`);
    const missing = [...parts, `${code}.e2e-spec.ts`, 'histories'].filter((file) => !existsSync(join(folder, file)));
    expect({ code, missing }).toEqual({ code, missing: [] });
    // Events are optional, but declared where they are routed.
    expect(existsSync(join(folder, `${code}.events.ts`))).toBe(kind.events !== undefined);
    for (const module of kind.workflowModules) expect(relative(folder, dirname(module))).toBe('');
    const workflowSources = kind.workflowModules.map((module) => readFileSync(module, 'utf8')).join('\n');
    expect(workflowSources).toMatch(new RegExp(`export async function ${kind.workflowType}\\(`));
    expect(Object.keys(kind.strings.fr)).toContain(`kind.${code}`);
  });

  it.each(kinds)('says everything of %s in French and English, with the same placeholders', (_code, kind) => {
    expect(Object.keys(kind.strings.en).sort()).toEqual(Object.keys(kind.strings.fr).sort());
    for (const [key, french] of Object.entries(kind.strings.fr)) {
      expect({ key, placeholders: placeholders(kind.strings.en[key]) }).toEqual({ key, placeholders: placeholders(french) });
    }
  });

  it('never defines a word twice: a kind cannot silently shadow the kit or another kind', () => {
    const keys = [KIT_STRINGS, ...kinds.map(([, kind]) => kind.strings)].flatMap((strings) => Object.keys(strings.fr));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    expect(ALL_MESSAGES.keys()).toHaveLength(keys.length);
  });

  it('is the only place outside a kind’s folder that names the kind', () => {
    const registry = join(WORKFLOWS, 'registry.ts');
    // The bench and the soak drive one kind on purpose (their workload is a WTO round); they are clients, like the tests.
    const clients = [join(ROOT, 'infra', 'bench'), join(ROOT, 'infra', 'soak')];
    const files = ['apps', 'libs', 'infra', 'workflows']
      .flatMap((top) => sources(join(ROOT, top)))
      .filter((file) => file !== registry && !clients.some((client) => file.startsWith(client + '/')));
    const offenders = kinds.flatMap(([code]) =>
      files
        .filter((file) => !file.startsWith(join(WORKFLOWS, code) + '/'))
        .filter((file) => new RegExp(`['"\`]${code}['"\`/]`).test(readFileSync(file, 'utf8')))
        .map((file) => `${relative(ROOT, file)} names ${code}`),
    );
    expect(offenders).toEqual([]);
  });

  it('validates every kind’s own settings at start, with their defaults', () => {
    const day = 24 * 3600 * 1000;
    const config = loadProcessConfig({});
    const defaults = Object.fromEntries(KIND_SETTINGS.map((setting) => [setting.name, setting.read(config) / day]));
    expect(defaults).toEqual({
      CONSULTATION_PERIOD: 30,
      INTERN_OFFER_DEADLINE: 14,
      MANDATE_YEAR_LENGTH: 365,
      FOLLOW_UP_INTERVAL: 30,
      WATCH_REPORT_INTERVAL: 30,
      AGREEMENT_REPORT_PERIOD: 365,
      OFFICE_REVIEW_DELAY: 365,
      EXCHANGE_PROJECT_YEAR: 365,
    });
    expect(() => loadProcessConfig({ WATCH_REPORT_INTERVAL: 'weekly' })).toThrow(/WATCH_REPORT_INTERVAL="weekly"/);
  });
});
