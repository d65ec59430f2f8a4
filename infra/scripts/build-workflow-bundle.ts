import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOW_INTERCEPTOR_MODULES, writeWorkflowEntry } from '../../workflows/bundle-entry';
import { repoRoot } from '../temporal/dev-server';

/**
 * Bundles workflows/ ahead of time for production workers (WORKFLOW_BUNDLE_PATH),
 * so a worker starts without webpack and runs exactly the code that was built.
 */
async function main(): Promise<void> {
  const root = repoRoot();
  const out = process.argv[2] ?? join(root, 'dist', 'workflow-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: writeWorkflowEntry(),
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
  process.stdout.write(`workflow bundle written to ${out} (${Math.round(code.length / 1024)} KiB)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`workflow bundle failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
