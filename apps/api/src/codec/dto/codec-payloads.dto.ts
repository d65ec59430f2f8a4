import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBase64, IsObject, IsOptional, ValidateBy } from 'class-validator';
import { EachNested } from '@lib/validation';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A Temporal Payload as proto3 JSON: metadata values and data in base64. */
export class CodecPayloadDto {
  @ApiPropertyOptional({ example: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==' }, description: 'Metadata, each value base64.' })
  @IsOptional()
  @IsObject()
  @ValidateBy({
    name: 'isBase64',
    validator: {
      validate: (value: unknown) => Object.values((value as object | null) ?? {}).every((v) => typeof v === 'string' && BASE64.test(v)),
    },
  })
  metadata?: Record<string, string>;

  @ApiPropertyOptional({ description: 'Payload bytes, base64.' })
  @IsOptional()
  @IsBase64()
  data?: string;
}

/** The body of the remote codec protocol (`/encode`, `/decode`) the Temporal UI and CLI speak. */
export class CodecPayloadsDto {
  @ApiProperty({ type: [CodecPayloadDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @EachNested(() => CodecPayloadDto)
  payloads: CodecPayloadDto[];
}
