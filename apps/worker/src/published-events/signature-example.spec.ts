import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { signedHeaders } from './webhook.sender';

const DOC = readFileSync(join(__dirname, '../../../../docs/events.md'), 'utf8');
/** The js block that follows the `worked-example` marker in docs/events.md. */
const example = /<!-- worked-example -->\s*```js\n([\s\S]*?)```/.exec(DOC)?.[1] ?? '';
const value = (name: string) => new RegExp(`${name}': '([^']+)'`).exec(example)?.[1] ?? '';

describe('the webhook signature check of docs/events.md', () => {
  it('runs as written and says the signature is valid', () => {
    expect(example).not.toBe('');
    expect(execFileSync(process.execPath, ['-e', example], { encoding: 'utf8' }).trim()).toBe('signature valid');
  });

  it('uses the signature the engine’s signer makes, which standardwebhooks accepts', () => {
    const secret = /const secret = '([^']+)'/.exec(example)?.[1] ?? '';
    // The body is written as string literals joined with `+`: joined here the same way.
    const literals = /const body =([\s\S]*?);\n/.exec(example)?.[1] ?? '';
    const body = [...literals.matchAll(/'([^']*)'/g)].map((m) => m[1]).join('');
    const at = new Date(Number(value('webhook-timestamp')) * 1000);
    const headers = signedHeaders(secret, value('webhook-id'), body, at);
    expect(headers['webhook-signature']).toBe(value('webhook-signature'));
    expect(() => new Webhook(secret).verify(body, headers)).toThrow(/timestamp/i); // too old: a receiver refuses replays
    expect(new Webhook(secret).verify(body, signedHeaders(secret, value('webhook-id'), body))).toBeTruthy();
  });
});
