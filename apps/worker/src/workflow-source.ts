import { existsSync } from 'node:fs';
import type { WorkerOptions } from '@temporalio/worker';
import { WORKFLOW_INTERCEPTOR_MODULES, writeWorkflowEntry } from '@workflows/bundle-entry';

/**
 * Production workers load the bundle built ahead of time (`npm run build`);
 * without WORKFLOW_BUNDLE_PATH the worker bundles the registry's workflows itself,
 * with the same workflow interceptor modules as the built bundle.
 */
export function workflowSource(
  bundlePath?: string,
): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> & { workflowModules: string[] } {
  if (bundlePath) {
    if (!existsSync(bundlePath)) throw new Error(`WORKFLOW_BUNDLE_PATH=${bundlePath}: no such file (run npm run build)`);
    // The bundle holds its interceptor modules already; naming them again makes the SDK warn.
    return { workflowBundle: { codePath: bundlePath }, workflowModules: [] };
  }
  return { workflowsPath: writeWorkflowEntry(), workflowModules: WORKFLOW_INTERCEPTOR_MODULES };
}
