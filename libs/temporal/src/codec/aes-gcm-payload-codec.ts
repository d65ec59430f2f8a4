import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { PayloadCodecKey } from '@lib/config';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A payload this codec cannot open: unknown key id, or data altered since it was encrypted. */
export class PayloadDecryptionError extends Error {
  constructor(
    readonly reason: 'unknown-key' | 'malformed' | 'tampered',
    detail: string,
  ) {
    super(`payload cannot be decrypted (${reason}): ${detail}`);
    this.name = 'PayloadDecryptionError';
  }
}

/**
 * Encrypts every payload (workflow inputs and results, Update and Signal
 * arguments, memos, UI summaries) with AES-256-GCM before it leaves the
 * process, so the Temporal server only stores ciphertext. The whole payload,
 * metadata included, is encrypted; the key id travels in clear metadata and is
 * bound to the ciphertext as additional authenticated data. Payloads that are
 * not encrypted (a workflow started by the `temporal` CLI) decode unchanged.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly keys: Map<string, Buffer>;
  private readonly current: PayloadCodecKey;

  constructor(keys: PayloadCodecKey[]) {
    if (keys.length === 0) throw new Error('AesGcmPayloadCodec needs at least one key');
    this.current = keys[0];
    this.keys = new Map(keys.map(({ id, key }) => [id, key]));
  }

  encode(payloads: Payload[]): Promise<Payload[]> {
    try {
      return Promise.resolve(payloads.map((payload) => this.encrypt(payload)));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  /** Rejects (never throws synchronously) on an unknown key or altered data, as PayloadCodec callers expect. */
  decode(payloads: Payload[]): Promise<Payload[]> {
    try {
      return Promise.resolve(payloads.map((payload) => this.decrypt(payload)));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private encrypt(payload: Payload): Payload {
    const { id, key } = this.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv);
    cipher.setAAD(Buffer.from(id, 'utf8'));
    const clear = temporal.api.common.v1.Payload.encode(payload).finish();
    const sealed = Buffer.concat([cipher.update(clear), cipher.final()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: Buffer.from(id),
      },
      data: Buffer.concat([iv, sealed, cipher.getAuthTag()]),
    };
  }

  private decrypt(payload: Payload): Payload {
    const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
    if (!encoding || Buffer.from(encoding).toString() !== ENCRYPTED_ENCODING) return payload;
    const idBytes = payload.metadata?.[KEY_ID_METADATA];
    const id = idBytes ? Buffer.from(idBytes).toString() : '';
    const key = this.keys.get(id);
    if (!key) throw new PayloadDecryptionError('unknown-key', `no key "${id}" among the configured keys`);
    const data = Buffer.from(payload.data ?? []);
    if (data.length < IV_BYTES + TAG_BYTES) throw new PayloadDecryptionError('malformed', 'data too short');
    const decipher = createDecipheriv(ALGORITHM, key, data.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(id, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let clear: Buffer;
    try {
      clear = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new PayloadDecryptionError('tampered', 'authentication failed');
    }
    return temporal.api.common.v1.Payload.decode(clear);
  }
}

/** The codecs for the configured keys: none when encryption is off. */
export function payloadCodecsFor(keys: PayloadCodecKey[]): PayloadCodec[] {
  return keys.length > 0 ? [new AesGcmPayloadCodec(keys)] : [];
}
