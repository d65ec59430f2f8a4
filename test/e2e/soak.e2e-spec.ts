import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SOAK = join(__dirname, '../../dist/infra/soak/main.js');

/**
 * `npm run soak` for one minute: its own stack, mixed load (launches, events,
 * hand-overs, reads, closings), every process sampled and judged. The 30-minute
 * figures are in docs/performance.md; this run proves the command still drives
 * today's API end to end (a rule the journeys break fails here, not months later)
 * and judges what it samples.
 */
describe('npm run soak', () => {
  it('runs a minute of mixed load with no error and every process within its bounds', async () => {
    const { stdout, stderr } = await run(
      'node',
      [SOAK, '--minutes', '1', '--warm-up', '0.2', '--sample-seconds', '5', '--concurrency', '2'],
      {
        env: { ...process.env, LOG_FORMAT: 'json' },
        timeout: 240_000,
      },
    ).catch((err: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`soak failed: ${err.message}\n${err.stderr ?? ''}\n${err.stdout ?? ''}`);
    });
    const line = /^soak: [\d.]+ minutes, (\d+) operations, RSS (.+), (\d+) errors$/m.exec(stdout);
    expect(line).not.toBeNull();
    const [, operations, rss, errors] = line as RegExpExecArray;
    expect(Number(operations)).toBeGreaterThan(100);
    expect(Number(errors)).toBe(0);
    // Every process the stack runs was sampled: the API, the worker and the Temporal server.
    for (const name of ['api', 'worker', 'temporal']) expect(rss).toMatch(new RegExp(`${name} \\d+→\\d+ MiB`));
    expect(stderr).toMatch(/\[soak\] samples and verdict: .+\.json/);
  }, 300_000);
});
