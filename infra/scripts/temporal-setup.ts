/*
 * `npm run temporal:setup`: prepares a self-hosted Temporal cluster for the
 * application, once per release: registers the namespace (TEMPORAL_NAMESPACE,
 * retention TEMPORAL_RETENTION_DAYS, 30 by default) and the participation search
 * attributes, with the code the dev server and the local cluster use. Safe to run
 * again. Temporal Cloud namespaces and their search attributes are created with
 * `tcld` or the Cloud UI instead (README, Deployment).
 */
import { loadConfig } from '../../libs/config/src';
import { ensureNamespace } from '../cluster/namespace';
import { waitForTemporal } from '../temporal/dev-server';

async function main(): Promise<void> {
  const { temporal } = loadConfig();
  const retentionDays = Number(process.env.TEMPORAL_RETENTION_DAYS ?? 30);
  if (!Number.isInteger(retentionDays) || retentionDays < 1)
    throw new Error(`TEMPORAL_RETENTION_DAYS=${process.env.TEMPORAL_RETENTION_DAYS} is not a number of days`);
  // In compose or Kubernetes this may start before the frontend answers.
  await waitForTemporal(temporal.address, 180_000);
  await ensureNamespace(temporal.address, temporal.namespace, retentionDays);
  process.stdout.write(`namespace ${temporal.namespace} and its search attributes are ready at ${temporal.address}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`temporal setup failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
