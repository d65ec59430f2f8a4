import { Inject, Injectable } from '@nestjs/common';
import type { PayloadCodec } from '@temporalio/common';
import { PAYLOAD_CODECS, PayloadDecryptionError } from '@lib/temporal';
import { DomainError } from '../common/domain-error';
import type { CodecPayloadDto } from './dto/codec-payloads.dto';
import { fromJson, toJson } from './payload-json';

/** The same codecs as the Client and the worker, over proto3 JSON payloads. */
@Injectable()
export class CodecService {
  constructor(@Inject(PAYLOAD_CODECS) private readonly codecs: PayloadCodec[]) {}

  async encode(payloads: CodecPayloadDto[]): Promise<CodecPayloadDto[]> {
    let current = payloads.map(fromJson);
    for (const codec of this.codecs) current = await codec.encode(current);
    return current.map(toJson);
  }

  /** Decodes one payload at a time, so that a payload it cannot open is named by its index (400). */
  async decode(payloads: CodecPayloadDto[]): Promise<CodecPayloadDto[]> {
    return Promise.all(
      payloads.map(async (json, index) => {
        let current = [fromJson(json)];
        try {
          for (const codec of [...this.codecs].reverse()) current = await codec.decode(current);
        } catch (err) {
          if (!(err instanceof PayloadDecryptionError)) throw err;
          throw new DomainError('validation-failed', 'error.validation', {}, [{ field: `payloads.${index}`, constraint: 'isDecryptable' }]);
        }
        return toJson(current[0]);
      }),
    );
  }
}
