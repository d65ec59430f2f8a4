import { spawnSync } from 'node:child_process';

/** One command of a README bash block, with the output line the README shows after it (`# …`), if any. */
export interface ReadmeStep {
  command: string;
  expected?: string;
  /** No -X POST/PUT/PATCH/DELETE: asking again changes nothing. */
  readOnly: boolean;
}

/**
 * The commands of the bash blocks of one README section, in order. A command
 * spans lines until bash finds it complete (a quoted JSON body over several
 * lines is one command); a `# …` line right after a command is its output.
 */
export function readmeSteps(readme: string, section: string): ReadmeStep[] {
  const start = readme.indexOf(`\n## ${section}\n`);
  if (start < 0) throw new Error(`README has no section "${section}"`);
  const end = readme.indexOf('\n## ', start + 1);
  const text = readme.slice(start, end < 0 ? undefined : end);
  const steps: ReadmeStep[] = [];
  for (const [, block] of text.matchAll(/```bash\n([\s\S]*?)```/g)) {
    let pending: string[] = [];
    let justEnded = false;
    for (const line of block.split('\n')) {
      if (pending.length === 0) {
        if (line.startsWith('# ') && justEnded) steps[steps.length - 1].expected = line.slice(2).trim();
        justEnded = false;
        if (line.trim() === '' || line.startsWith('#')) continue;
      }
      pending.push(line);
      const command = pending.join('\n');
      if (complete(command)) {
        steps.push({ command, readOnly: !/-X (POST|PUT|PATCH|DELETE)\b/.test(command) });
        pending = [];
        justEnded = true;
      }
    }
    if (pending.length) throw new Error(`README section "${section}" ends a block inside a command:\n${pending.join('\n')}`);
  }
  return steps;
}

/** Whether a printed output is what the README shows, `…` standing for any text. */
export function sameOutput(output: string, expected: string): boolean {
  return outputPattern(expected).test(output);
}

export function outputPattern(expected: string): RegExp {
  const escaped = expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/…/g, '.*');
  return new RegExp(`^${escaped}$`, 's');
}

/** bash's own judgement: `bash -n` fails on an unclosed quote or a line that ends in a pipe. */
function complete(command: string): boolean {
  return spawnSync('bash', ['-n'], { input: command }).status === 0;
}
