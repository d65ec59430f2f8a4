import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';

/** Where the workflows' source lives: bundled at worker start in development and tests. */
export const WORKFLOWS_ENTRY = resolve(__dirname, '../../../workflows/index.ts');

/**
 * Production workers load the bundle built ahead of time (`npm run build`);
 * without WORKFLOW_BUNDLE_PATH the worker bundles `workflows/` itself.
 */
export function workflowSource(bundlePath?: string): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  if (bundlePath) {
    if (!existsSync(bundlePath)) throw new Error(`WORKFLOW_BUNDLE_PATH=${bundlePath}: no such file (run npm run build)`);
    return { workflowBundle: { codePath: bundlePath } };
  }
  return { workflowsPath: locateWorkflowsEntry() };
}

function locateWorkflowsEntry(): string {
  // From source (tests) __dirname is apps/worker/src; from dist it is dist/apps/worker/src.
  const candidates = [WORKFLOWS_ENTRY, resolve(__dirname, '../../../../workflows/index.ts')];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`workflows/index.ts not found (looked in ${candidates.join(', ')})`);
  return found;
}
