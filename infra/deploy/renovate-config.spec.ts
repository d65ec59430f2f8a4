import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';

/*
 * Renovate reads the versions the infra scripts build (the Temporal CLI,
 * server and UI server) with regular expressions: each must still find its
 * version in its file, or those pins would silently stop being updated.
 */
const root = path.join(__dirname, '../..');
const config = JSON.parse(readFileSync(path.join(root, 'renovate.json'), 'utf8')) as {
  customManagers: Array<{ description: string; managerFilePatterns: string[]; matchStrings: string[]; depNameTemplate: string }>;
};
const files = readdirSync(root, { recursive: true })
  .map(String)
  .filter((file) => !/^(node_modules|\.git|\.tools|\.data|dist)\b/.test(file));

describe('renovate.json', () => {
  it.each(config.customManagers.map((m) => [m.description, m] as const))('finds the version of: %s', (_name, manager) => {
    const patterns = manager.managerFilePatterns.map((p) => new RegExp(p.slice(1, -1)));
    const matched = files.filter((file) => patterns.some((p) => p.test(file)));
    expect(matched.length).toBeGreaterThan(0);
    for (const file of matched) {
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const match of manager.matchStrings) {
        expect(new RegExp(match).exec(text)?.groups?.currentValue).toMatch(/^v\d+\.\d+\.\d+$/);
      }
    }
  });
});
