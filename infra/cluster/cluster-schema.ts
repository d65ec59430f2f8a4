import { execFile } from 'child_process';
import { promisify } from 'util';
import { createDatabaseIfMissing } from '../postgres/postgres-server';

const execFileAsync = promisify(execFile);

/** The two databases a Temporal cluster keeps in PostgreSQL, apart from the application's. */
export interface ClusterDatabases {
  /** Workflow histories, mutable state, task queues, cluster membership. */
  persistence: string;
  /** What the UI and `ListWorkflowExecutions` search, including the custom search attributes. */
  visibility: string;
}

/**
 * Creates the cluster's databases when missing and brings their schemas to the
 * version the server binary embeds, with Temporal's own schema tool
 * (`temporal-sql-tool`, `--schema-name` picks the schema compiled into it).
 * Running it again on an up-to-date database changes nothing.
 */
export async function setupClusterSchemas(sqlTool: string, serverUrl: string, databases: ClusterDatabases): Promise<void> {
  const server = new URL(serverUrl);
  const connection = [
    '--plugin',
    'postgres12',
    '--endpoint',
    server.hostname,
    '--port',
    server.port || '5432',
    '--user',
    decodeURIComponent(server.username || 'postgres'),
    '--password',
    decodeURIComponent(server.password),
  ];
  const schemas: Array<[string, string]> = [
    [databases.persistence, 'postgresql/v12/temporal'],
    [databases.visibility, 'postgresql/v12/visibility'],
  ];
  for (const [database, schemaName] of schemas) {
    await createDatabaseIfMissing(serverUrl, database);
    const run = (...args: string[]) => execFileAsync(sqlTool, [...connection, '--database', database, ...args]);
    // Version 0.0 only creates the schema_version bookkeeping (a no-op when present);
    // update-schema then applies every versioned step the database lacks.
    await run('setup-schema', '-v', '0.0');
    await run('update-schema', '--schema-name', schemaName);
  }
}
