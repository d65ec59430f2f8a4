import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { WATCHED_INSTITUTIONS, type WatchedInstitution } from '@lib/contracts';
import { IsActorId } from '../dto/field-decorators';
import { LaunchHeaderDto } from './launch-header.dto';

export class LaunchWashingtonWatchDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['washington-watch'] })
  @IsIn(['washington-watch'])
  kind: 'washington-watch';

  @ApiProperty({ enum: WATCHED_INSTITUTIONS, isArray: true, example: ['oas', 'world-bank'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WATCHED_INSTITUTIONS.length)
  @ArrayUnique()
  @IsIn(WATCHED_INSTITUTIONS, { each: true })
  institutions: WatchedInstitution[];

  @ApiProperty({ example: 'analyst-fortin', description: 'Who writes each monitoring report (every WATCH_REPORT_INTERVAL).' })
  @IsActorId()
  analystId: string;
}
