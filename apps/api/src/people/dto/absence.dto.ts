import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsActorId, IsAfterStart, IsFutureDate, IsIsoDate, PersonRef } from '@lib/validation';

export class RecordAbsenceDto {
  @ApiProperty({ example: '2027-07-01T00:00:00Z', description: 'First moment of the absence (ISO 8601).' })
  @IsIsoDate()
  from: string;

  @ApiProperty({ example: '2027-07-15T00:00:00Z', description: 'End of the absence (excluded), after `from` and in the future.' })
  @IsIsoDate()
  @IsAfterStart('from')
  @IsFutureDate()
  to: string;

  @ApiProperty({ example: 'expert-nguyen', description: 'Who receives the tasks opened for the absent person meanwhile.' })
  @IsActorId()
  @PersonRef({ role: ['expert', 'coordinator'] })
  delegateId: string;

  @ApiPropertyOptional({ example: 'Congé annuel.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
