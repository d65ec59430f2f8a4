import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { ensureSearchAttributes } from '../temporal/dev-server';

const RETRY_MS = 500;
/** gRPC status code ALREADY_EXISTS. */
const ALREADY_EXISTS = 6;

/**
 * Registers the namespace when missing, waits until the frontend serves it, then
 * registers the custom search attributes with the same code the dev-server path uses.
 * A real cluster starts with no namespace but the system one (the dev server creates
 * `default` itself).
 */
export async function ensureNamespace(address: string, namespace: string, retentionDays: number, timeoutMs = 60_000): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    try {
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msToTs(`${retentionDays} days`),
      });
    } catch (err) {
      if ((err as { code?: number }).code !== ALREADY_EXISTS) throw err;
    }
    const deadline = Date.now() + timeoutMs;
    // The frontend learns of a new namespace from its registry refresh (every few seconds).
    for (;;) {
      try {
        await connection.workflowService.describeNamespace({ namespace });
        break;
      } catch (err) {
        if (Date.now() > deadline) {
          throw new Error(`namespace ${namespace} not served within ${timeoutMs} ms: ${(err as Error).message}`, { cause: err });
        }
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  } finally {
    await connection.close();
  }
  await ensureSearchAttributes(address, namespace);
}
