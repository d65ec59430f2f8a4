import { IsNotBlank } from '@lib/validation';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsStringRecord } from '../../common/is-string-record.validator';

export class DeliverableDto {
  @ApiProperty({ example: 'Position favorable à la réduction des subventions à l’exportation.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  summary: string;

  @ApiPropertyOptional({ example: { recommandation: 'appuyer' }, description: 'Structured fields (string values).' })
  @IsOptional()
  @IsObject()
  @IsStringRecord()
  fields?: Record<string, string>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  notes?: string;

  @ApiPropertyOptional({ example: ['WT/MIN(01)/DEC/1'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  references?: string[];
}

export class CompleteTaskDto {
  @ApiProperty({ type: DeliverableDto })
  @IsObject() // without it a missing deliverable would pass: nested validation skips undefined
  @ValidateNested()
  @Type(() => DeliverableDto)
  deliverable: DeliverableDto;
}
