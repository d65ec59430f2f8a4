import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsIsoDate } from '@lib/validation';
import { EVENT_TYPES } from '@workflows/registry-lookups';

/** The envelope every event arrives in; `data` is checked against its type afterwards. */
export class ExternalEventDto {
  @ApiProperty({ example: 'eu-offer-2027-03-14-001', description: 'The sender’s id for this event: the same id twice counts once.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/)
  id: string;

  @ApiProperty({ enum: EVENT_TYPES, example: 'eu.offer.received' })
  @IsString()
  @MaxLength(100)
  type: string;

  @ApiPropertyOptional({ example: '2027-03-14T10:00:00Z', description: 'When it happened; the time of receipt when absent.' })
  @IsOptional()
  @IsIsoDate()
  occurredAt?: string;

  @ApiProperty({ example: { businessKey: 'ceta-2027', chapter: 'procurement', direction: 'offer', reference: 'EU-PROC-3' } })
  @IsObject()
  data: Record<string, unknown>;
}
