import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Max, Min } from 'class-validator';
import { UNESCO_BODIES, type UnescoBody } from '@lib/contracts';
import { EachNested } from '../../common/each-nested.decorator';
import { IsActorId, IsActorIdList, IsIsoDate } from '../dto/field-decorators';
import { LaunchHeaderDto } from './launch-header.dto';

export class UnescoSessionDto {
  @ApiProperty({ enum: UNESCO_BODIES })
  @IsIn(UNESCO_BODIES)
  body: UnescoBody;

  @ApiProperty({ example: '2027-11-02T09:00:00Z' })
  @IsIsoDate()
  date: string;
}

export class LaunchUnescoRepresentationDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['unesco-representation'] })
  @IsIn(['unesco-representation'])
  kind: 'unesco-representation';

  @ApiProperty({ example: 'rep-bouchard', description: 'Person nominated as permanent representative.' })
  @IsActorId()
  nomineeId: string;

  @ApiProperty({ example: ['dm-international'], description: 'Who may approve the nomination.' })
  @IsActorIdList(1, 20)
  nominationApproverIds: string[];

  @ApiProperty({ example: 4, minimum: 1, maximum: 10 })
  @IsInt()
  @Min(1)
  @Max(10)
  mandateYears: number;

  @ApiProperty({ example: 2, minimum: 1, maximum: 12, description: 'Reporting periods per mandate year.' })
  @IsInt()
  @Min(1)
  @Max(12)
  reportsPerYear: number;

  @ApiProperty({ type: [UnescoSessionDto], description: 'General Conference and Executive Board sessions, each briefed and debriefed.' })
  @IsArray()
  @ArrayMaxSize(100)
  @EachNested(() => UnescoSessionDto)
  sessions: UnescoSessionDto[];
}
