import { randomBytes } from 'node:crypto';
import { ConfigurationError, loadConfig } from './app-config';
import { parsePayloadCodecKeys } from './payload-codec-keys';

const b64 = (bytes: number) => randomBytes(bytes).toString('base64');

describe('payload codec keys, CORS origins and rate limits in configuration', () => {
  it('reads id:key pairs, the first one encrypting', () => {
    const first = b64(32);
    const { keys, problems } = parsePayloadCodecKeys(`2027-01:${first}, 2026-01:${b64(32)}`);
    expect(problems).toEqual([]);
    expect(keys.map((k) => k.id)).toEqual(['2027-01', '2026-01']);
    expect(keys[0].key.equals(Buffer.from(first, 'base64'))).toBe(true);
  });

  it('names each bad entry without repeating any key material', () => {
    const short = b64(16);
    const { problems } = parsePayloadCodecKeys(`a:${short},a:${b64(32)},${b64(32)},b:not*base64`);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).not.toContain(short);
    expect(problems[0]).toContain('key a must be 32 bytes');
  });

  it('is off by default; CORS closed; writes limited per caller', () => {
    const config = loadConfig({});
    expect(config.payloadCodec).toEqual({ keys: [], corsOrigins: [] });
    expect(config.http.corsOrigins).toEqual([]);
    expect(config.http.rateLimit).toEqual({ writes: 120, windowMs: 60_000 });
  });

  it('reads origin allow-lists and refuses anything but bare origins', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://inbox.example.org, http://127.0.0.1:8233',
      CODEC_CORS_ORIGINS: 'http://127.0.0.1:8233',
    });
    expect(config.http.corsOrigins).toEqual(['https://inbox.example.org', 'http://127.0.0.1:8233']);
    expect(config.payloadCodec.corsOrigins).toEqual(['http://127.0.0.1:8233']);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(ConfigurationError);
    expect(() => loadConfig({ CODEC_CORS_ORIGINS: '*' })).toThrow(ConfigurationError);
  });

  it('never prints a secret in a configuration error', () => {
    const key = b64(16);
    let error: ConfigurationError | undefined;
    try {
      loadConfig({ PAYLOAD_CODEC_KEYS: `k1:${key}`, DATABASE_URL: 'mysql://app:s3cr3t-p@ss@db.internal/x' });
    } catch (e) {
      error = e as ConfigurationError;
    }
    expect(error?.problems).toHaveLength(2);
    expect(error?.message).toContain('PAYLOAD_CODEC_KEYS=(hidden)');
    expect(error?.message).toContain('DATABASE_URL="mysql://***@db.internal/x"');
    expect(error?.message).not.toContain(key);
    expect(error?.message).not.toContain('s3cr3t');
  });
});
