import type { Payload } from '@temporalio/common';
import type { CodecPayloadDto } from './dto/codec-payloads.dto';

/** proto3 JSON (base64 strings) to a Payload. */
export function fromJson({ metadata, data }: CodecPayloadDto): Payload {
  return {
    metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')])),
    data: Buffer.from(data ?? '', 'base64'),
  };
}

/** A Payload to proto3 JSON. */
export function toJson({ metadata, data }: Payload): CodecPayloadDto {
  return {
    metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([key, value]) => [key, Buffer.from(value ?? []).toString('base64')])),
    data: Buffer.from(data ?? []).toString('base64'),
  };
}
