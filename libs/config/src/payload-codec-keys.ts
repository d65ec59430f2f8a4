/** One AES-256 key of the payload codec, named by the id written into every payload it encrypts. */
export interface PayloadCodecKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const KEY_BYTES = 32;

/**
 * Parses `PAYLOAD_CODEC_KEYS` (`id1:base64key,id2:base64key`). The first key
 * encrypts, every key decrypts: a rotation puts the new key first and keeps the
 * old ones for what they encrypted. Problems never repeat a key's value.
 */
export function parsePayloadCodecKeys(value: string): { keys: PayloadCodecKey[]; problems: string[] } {
  const keys: PayloadCodecKey[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  value
    .split(',')
    .map((entry) => entry.trim())
    .forEach((entry, index) => {
      const colon = entry.indexOf(':');
      const id = colon > 0 ? entry.slice(0, colon) : '';
      const encoded = colon > 0 ? entry.slice(colon + 1) : '';
      if (!KEY_ID.test(id)) return problems.push(`entry ${index + 1} must be <id>:<base64 key>, the id made of letters, digits, . _ -`);
      if (seen.has(id)) return problems.push(`key id ${id} is listed twice`);
      seen.add(id);
      const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
      if (key.length !== KEY_BYTES) return problems.push(`key ${id} must be ${KEY_BYTES} bytes in base64 (openssl rand -base64 32)`);
      keys.push({ id, key });
      return undefined;
    });
  return { keys, problems };
}
