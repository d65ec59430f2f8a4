import { randomBytes } from 'node:crypto';
import { DefaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA, PayloadDecryptionError, payloadCodecsFor } from './aes-gcm-payload-codec';

const converter = new DefaultPayloadConverter();
const key = (id: string) => ({ id, key: randomBytes(32) });
const text = (bytes?: Uint8Array | null) => Buffer.from(bytes ?? []).toString('utf8');
const secret = { title: 'Position confidentielle sur les subventions', expert: 'Mme Tremblay' };

describe('AesGcmPayloadCodec', () => {
  it('encrypts the whole payload, metadata included, and decrypts it back', async () => {
    const k1 = key('k1');
    const codec = new AesGcmPayloadCodec([k1]);
    const [encrypted] = await codec.encode([converter.toPayload(secret)]);
    expect(text(encrypted.metadata?.[METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
    expect(text(encrypted.metadata?.[KEY_ID_METADATA])).toBe('k1');
    expect(text(encrypted.data)).not.toContain('confidentielle');
    expect(text(encrypted.data)).not.toContain('json/plain');
    const [decrypted] = await codec.decode([encrypted]);
    expect(converter.fromPayload(decrypted)).toEqual(secret);
  });

  it('uses a fresh IV each time: the same value never gives the same ciphertext', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const payload = converter.toPayload(secret);
    const [a, b] = await codec.encode([payload, payload]);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
  });

  it('rotates by adding a key first: new payloads use it, old ones still open', async () => {
    const old = key('2026-01');
    const [before] = await new AesGcmPayloadCodec([old]).encode([converter.toPayload(secret)]);
    const rotated = new AesGcmPayloadCodec([key('2027-01'), old]);
    const [after] = await rotated.encode([converter.toPayload(secret)]);
    expect(text(after.metadata?.[KEY_ID_METADATA])).toBe('2027-01');
    const decoded = await rotated.decode([before, after]);
    expect(decoded.map((p) => converter.fromPayload(p))).toEqual([secret, secret]);
  });

  it('refuses a payload whose key it does not hold, or whose bytes or key id were altered', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const [encrypted] = await codec.encode([converter.toPayload(secret)]);
    await expect(new AesGcmPayloadCodec([key('k2')]).decode([encrypted])).rejects.toMatchObject({ reason: 'unknown-key' });

    const flipped = Buffer.from(encrypted.data!);
    flipped[20] ^= 1;
    await expect(codec.decode([{ ...encrypted, data: flipped }])).rejects.toMatchObject({ reason: 'tampered' });

    // Same key material under another id: the id is authenticated with the data.
    const twin = new AesGcmPayloadCodec([{ id: 'k1', key: randomBytes(32) }]);
    const relabelled: Payload = { ...encrypted, metadata: { ...encrypted.metadata, [KEY_ID_METADATA]: Buffer.from('k1') } };
    await expect(twin.decode([relabelled])).rejects.toBeInstanceOf(PayloadDecryptionError);
    await expect(codec.decode([{ ...encrypted, data: Buffer.alloc(5) }])).rejects.toMatchObject({ reason: 'malformed' });
  });

  it('lets plain payloads through on decode (a workflow started by the temporal CLI)', async () => {
    const plain = converter.toPayload({ kind: 'wto-round' });
    const [decoded] = await new AesGcmPayloadCodec([key('k1')]).decode([plain]);
    expect(decoded).toBe(plain);
  });

  it('is off without keys', () => {
    expect(payloadCodecsFor([])).toEqual([]);
    expect(payloadCodecsFor([key('k1')])[0]).toBeInstanceOf(AesGcmPayloadCodec);
  });
});
