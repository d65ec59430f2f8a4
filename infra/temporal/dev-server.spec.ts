import { spawn } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Client, Connection } from '@temporalio/client';
import { searchAttributeCliArgs } from '../../libs/contracts/src/participation/search-attributes';
import { devServerArgs, repoRoot, RunningDevServer, startDevServer, waitForTemporal } from './dev-server';
import { freePort } from '../../test/helpers/free-port';

// temporal.api.enums.v1.IndexedValueType, by CLI type name
const INDEXED: Record<string, number> = { Keyword: 2, Int: 3, Datetime: 6, KeywordList: 7 };

describe('devServerArgs', () => {
  const args = devServerArgs({ cliPath: '/x/temporal', dbFilename: '/data/t.db', port: 17233, uiPort: 18233 });
  const values = (flag: string) => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));

  it('passes every participation search attribute', () => {
    expect(values('--search-attribute')).toEqual(searchAttributeCliArgs());
    expect(values('--search-attribute')).toHaveLength(7);
  });

  it('binds to loopback and persists to the db file', () => {
    expect(args.slice(0, 2)).toEqual(['server', 'start-dev']);
    expect(values('--ip')).toEqual(['127.0.0.1']);
    expect(values('--db-filename')).toEqual(['/data/t.db']);
    expect(values('--port')).toEqual(['17233']);
    expect(values('--ui-port')).toEqual(['18233']);
    expect(values('--namespace')).toEqual(['default']);
    expect(values('--log-level')).toEqual(['warn']);
  });

  it('keeps the SQLite database in write-ahead-log mode', () => {
    expect(values('--sqlite-pragma')).toEqual(['journal_mode=wal', 'synchronous=normal']);
  });

  it('defaults the db file under <repo>/.data/temporal and drops the UI when headless', () => {
    const headless = devServerArgs({ cliPath: 'temporal', headless: true });
    expect(headless[headless.indexOf('--db-filename') + 1]).toBe(path.join(repoRoot(), '.data', 'temporal', 'temporal.db'));
    expect(headless).toContain('--headless');
    expect(headless).not.toContain('--ui-port');
  });
});

const cliPath = process.env.TEMPORAL_CLI ?? path.join(repoRoot(), '.tools', 'bin', 'temporal');
const describeIfCli = existsSync(cliPath) ? describe : describe.skip;

describeIfCli('startDevServer (real dev server)', () => {
  jest.setTimeout(90_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'temporal-dev-'));
  const started: RunningDevServer[] = [];
  afterAll(async () => {
    for (const s of started) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers the search attributes, persists across restarts, and reuses a running server', async () => {
    const [port, uiPort] = [await freePort(), await freePort()];
    const opts = { cliPath, port, uiPort, dbFilename: path.join(dir, 'nested', 'temporal.db'), logFile: path.join(dir, 'server.log') };

    const first = await startDevServer(opts);
    started.push(first);
    expect(first).toMatchObject({ address: `127.0.0.1:${port}`, uiUrl: `http://127.0.0.1:${uiPort}`, reused: false });
    expect(await customSearchAttributes(first.address)).toEqual(expectedSearchAttributes());
    const workflowId = 'persistence-check';
    await withClient(first.address, (client) => client.workflow.start('NoSuchWorkflow', { taskQueue: 'nobody-polls', workflowId }));
    await first.stop();
    await expect(waitForTemporal(first.address, 500)).rejects.toThrow(/did not answer/);

    // New ports: while the first was down, a test running beside this one may have taken its ports.
    const second = await startDevServer({ ...opts, port: await freePort(), uiPort: await freePort() });
    started.push(second);
    expect(second.reused).toBe(false);
    const status = await withClient(second.address, (c) => c.workflow.getHandle(workflowId).describe());
    expect(status.status.name).toBe('RUNNING'); // same db file: the execution survived the restart

    const third = await startDevServer({ ...opts, port: Number(second.address.split(':')[1]) });
    expect(third).toMatchObject({ address: second.address, reused: true });
    expect(third.pid).toBeUndefined();
    await third.stop(); // no-op: the server belongs to `second`
    await waitForTemporal(second.address, 2_000);
  });

  it('adds the search attributes to a running server that lacks them', async () => {
    const port = await freePort();
    // A bare server, as someone may have started by hand, without our --search-attribute flags.
    const bare = spawn(cliPath, ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port)], {
      stdio: 'ignore',
    });
    try {
      await waitForTemporal(`127.0.0.1:${port}`, 30_000);
      expect(await customSearchAttributes(`127.0.0.1:${port}`)).toEqual({});
      const reused = await startDevServer({ cliPath, port, headless: true });
      expect(reused.reused).toBe(true);
      expect(await customSearchAttributes(reused.address)).toEqual(expectedSearchAttributes());
    } finally {
      const exited = new Promise((resolve) => bare.once('exit', resolve));
      bare.kill('SIGTERM');
      await exited;
    }
  });
});

function expectedSearchAttributes(): Record<string, number> {
  return Object.fromEntries(
    searchAttributeCliArgs()
      .map((p) => p.split('='))
      .map(([n, t]) => [n, INDEXED[t]]),
  );
}

async function customSearchAttributes(address: string): Promise<Record<string, number>> {
  const connection = await Connection.connect({ address });
  try {
    const res = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
    return { ...res.customAttributes };
  } finally {
    await connection.close();
  }
}

async function withClient<T>(address: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address });
  try {
    return await fn(new Client({ connection }));
  } finally {
    await connection.close();
  }
}
