import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stopChild } from '../process/stop-child';
import { repoRoot } from './identity-config';

const ROOT = repoRoot();
const SOURCE_ENTRY = join(ROOT, 'infra', 'identity', 'start-identity.ts');
const BUILT_ENTRY = join(ROOT, 'dist', 'infra', 'identity', 'start-identity.js');

/*
 * Node loads oidc-provider (ECMAScript modules only) with require() since
 * 20.19, but Jest's module loader cannot: tests run the provider as a process
 * of its own. From the TypeScript sources, through @swc/core, a test run needs
 * no build; npm run up and the cluster run the built file.
 */
const TYPESCRIPT_HOOK = `
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
require(${JSON.stringify(SOURCE_ENTRY)});
`;

export interface IdentityProcess {
  issuer: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the provider with `env` (IDENTITY_PORT, DATABASE_URL…) and waits for it to say it is ready. */
export async function startIdentityProcess(
  env: NodeJS.ProcessEnv,
  { from = 'built', stdio = 'pipe' }: { from?: 'built' | 'typescript'; stdio?: 'pipe' | 'inherit-errors' } = {},
): Promise<IdentityProcess> {
  if (from === 'built' && !existsSync(BUILT_ENTRY)) throw new Error(`${BUILT_ENTRY} is missing: run npm run build`);
  const args = from === 'built' ? [BUILT_ENTRY] : ['-e', TYPESCRIPT_HOOK];
  const child = spawn(process.execPath, args, { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (stdio === 'inherit-errors') process.stderr.write(chunk);
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the identity provider did not start within 30 s:\n${output.slice(-3000)}`)), 30_000);
    const onData = () => {
      const ready = /identity provider ready at (\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve(ready[1]);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the identity provider exited (${code}):\n${output.slice(-3000)}`));
    });
  });
  return { issuer, child, output: () => output, stop: () => stopChild(child, 5_000) };
}
