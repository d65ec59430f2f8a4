import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsIsoDate } from '@lib/validation';
import { EVENT_TYPES } from '@workflows/registry-lookups';

/** The only CloudEvents version we speak. */
export const CLOUD_EVENTS_VERSION = '1.0';
/** `data` is JSON: the one content type a typed event's data can have. */
export const JSON_CONTENT_TYPES = ['application/json'];

/**
 * A CloudEvent 1.0 in structured mode (`application/cloudevents+json`), or the
 * `ce-*` headers of binary mode read into the same shape. `source` + `id` is
 * the idempotency key: the same pair twice counts once.
 */
export class CloudEventDto {
  @ApiProperty({ enum: [CLOUD_EVENTS_VERSION] })
  @IsIn([CLOUD_EVENTS_VERSION])
  specversion: string;

  @ApiProperty({ example: 'eu-offer-2027-03-14-001', description: 'Unique per source.' })
  @IsString()
  @Matches(/^[\x21-\x7e]{1,200}$/)
  id: string;

  @ApiProperty({ example: 'urn:eu:trade:dg-trade', description: 'A URI-reference naming the sender.' })
  @IsString()
  @Matches(/^[\x21-\x7e]{1,500}$/)
  source: string;

  @ApiProperty({ enum: EVENT_TYPES, example: 'eu.offer.received' })
  @IsString()
  @MaxLength(100)
  type: string;

  @ApiPropertyOptional({ description: 'What the event is about, e.g. the participation’s workflow id `<kind>/<business key>`' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  subject?: string;

  @ApiPropertyOptional({ example: '2027-03-14T10:00:00Z' })
  @IsOptional()
  @IsIsoDate()
  time?: string;

  @ApiPropertyOptional({ enum: JSON_CONTENT_TYPES })
  @IsOptional()
  @IsIn(JSON_CONTENT_TYPES)
  datacontenttype?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  dataschema?: string;

  @ApiProperty({ example: { businessKey: 'ceta-2027', chapter: 'procurement', direction: 'offer', reference: 'EU-PROC-3' } })
  @IsObject()
  data: Record<string, unknown>;
}
