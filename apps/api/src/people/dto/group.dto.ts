import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsSlug, IsNotBlank } from '@lib/validation';

export class ChangeGroupDto {
  @ApiPropertyOptional({ example: 'Experts de l’OMC' })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  nameFr?: string;

  @ApiPropertyOptional({ example: 'WTO experts' })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  nameEn?: string;
}

export class AddGroupDto {
  @ApiProperty({ example: 'wto-experts', description: 'Code (lower-case slug) that tasks and people name; never changed.' })
  @IsSlug()
  code: string;

  @ApiProperty({ example: 'Experts de l’OMC' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  nameFr: string;

  @ApiProperty({ example: 'WTO experts' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  nameEn: string;
}
