import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { WORKFLOW_MODULES } from './registry-lookups';

/**
 * Temporal's OpenTelemetry workflow interceptors, for traced runs only
 * (tracing.interceptors.ts), in every bundle: production, tests, replay. A
 * worker loading the bundle registers their `exporter` sink (libs/telemetry
 * workflowTracingSinks).
 */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('./tracing.interceptors')];

/**
 * The workflow bundle's entry, written from the registry: it re-exports every
 * kind's workflow modules, so that the registry stays the only list of kinds.
 * Temporal's bundler (webpack) puts its own entrypoint beside this file and
 * resolves `@temporalio/workflow` from there, so the file lives under the
 * project's node_modules. Its name carries a hash of its content: a process
 * running from dist/ (JavaScript) and one running from source (TypeScript)
 * write different entries and never overwrite each other's.
 */
export function writeWorkflowEntry(modules: readonly string[] = WORKFLOW_MODULES): string {
  const source = [
    '// Written by workflows/bundle-entry.ts from workflows/registry.ts: every kind’s workflows.',
    ...modules.map((module) => `export * from ${JSON.stringify(module)};`),
    '',
  ].join('\n');
  const nodeModules = resolve(dirname(require.resolve('@temporalio/workflow/package.json')), '..', '..');
  const dir = join(nodeModules, '.cache', 'participation-workflows');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `entry-${createHash('sha256').update(source).digest('hex').slice(0, 16)}.js`);
  // Write then rename: another process bundling at the same moment never reads half a file.
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(partial, source);
  renameSync(partial, path);
  return path;
}
