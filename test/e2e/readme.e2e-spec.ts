import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestStack, type TestStack } from '../helpers/test-stack';
import { outputPattern, readmeSteps, sameOutput, type ReadmeStep } from '../helpers/readme-steps';

const run = promisify(execFile);
const REPO = join(__dirname, '..', '..');
const SECTION = 'Your first participation, end to end';
const README_API = 'API=http://127.0.0.1:3000';
/** A read that expects what an asynchronous step has not written yet is asked again, up to this long. */
const SETTLE_MS = 60_000;

/**
 * The README's first participation, run as written: each command of the
 * section's bash blocks in bash, in order, against a stack of its own (only
 * the API's address differs), `npm run -s token` included. Where a command is
 * followed by a `# …` line, its output must match it (`…` stands for any
 * text). A read (a GET) that does not match yet is asked again for a while:
 * the README's reader would wait for the workflow too.
 */
describe('the README’s first participation', () => {
  let stack: TestStack;
  let dir: string;

  beforeAll(async () => {
    stack = await startTestStack({ TASK_DUE_AFTER: '5 minutes', TASK_REMINDER_BEFORE: '0' }, { listen: true });
    dir = mkdtempSync(join(tmpdir(), 'readme-'));
  });
  afterAll(async () => {
    await stack?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs from launch to close as written, each output as the README shows it', async () => {
    const steps = readmeSteps(readFileSync(join(REPO, 'README.md'), 'utf8'), SECTION);
    expect(steps.filter((s) => s.expected).length).toBeGreaterThan(10);
    expect(steps[0].command).toContain(README_API);

    const state = join(dir, 'state.sh');
    const names = [...new Set(steps.flatMap((s) => [...s.command.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1])))];
    // `npm run` in the reader's clone: here, the repository; the API: this test's.
    writeFileSync(state, `npm() { command npm --prefix ${JSON.stringify(REPO)} "$@"; }\n`);
    for (const step of steps) {
      const command = step.command.replace(README_API, `API=${stack.baseUrl}`);
      const output = await runStep(command, step, state, names);
      // The command stands beside its output so that a failure says which one printed what.
      if (step.expected)
        expect({ command: step.command, output }).toEqual({
          command: step.command,
          output: expect.stringMatching(outputPattern(step.expected)),
        });
    }
  }, 300_000);

  async function runStep(command: string, step: ReadmeStep, state: string, names: string[]): Promise<string> {
    // Each command in a fresh bash that loads the variables the earlier ones set, and saves them after.
    const script = `set -eo pipefail\nsource ${JSON.stringify(state)}\n${command}\n{ declare -f npm; declare -p ${names.join(' ')} 2>/dev/null || true; } > ${JSON.stringify(state)}.next\n`;
    const deadline = Date.now() + (step.readOnly && step.expected ? SETTLE_MS : 0);
    for (;;) {
      const { stdout } = await run('bash', ['-c', script], { cwd: dir, env: process.env, maxBuffer: 10_000_000 });
      const output = stdout.trim();
      if (!step.expected || sameOutput(output, step.expected) || Date.now() > deadline) {
        writeFileSync(state, readFileSync(`${state}.next`));
        return output;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
});
