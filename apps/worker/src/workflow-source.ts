import { existsSync } from 'node:fs';
import type { WorkerOptions } from '@temporalio/worker';
import { writeWorkflowEntry } from '@workflows/bundle-entry';

/**
 * Production workers load the bundle built ahead of time (`npm run build`);
 * without WORKFLOW_BUNDLE_PATH the worker bundles the registry's workflows itself.
 */
export function workflowSource(bundlePath?: string): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  if (bundlePath) {
    if (!existsSync(bundlePath)) throw new Error(`WORKFLOW_BUNDLE_PATH=${bundlePath}: no such file (run npm run build)`);
    return { workflowBundle: { codePath: bundlePath } };
  }
  return { workflowsPath: writeWorkflowEntry() };
}
