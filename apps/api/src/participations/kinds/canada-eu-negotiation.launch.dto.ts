import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '@lib/contracts';
import { EachNested } from '../../common/each-nested.decorator';
import { IsActorId, IsActorIdList, IsSlug } from '../dto/field-decorators';
import { LaunchHeaderDto } from './launch-header.dto';

export class ChapterDto {
  @ApiProperty({ example: 'procurement', description: 'Chapter code: procurement, services, culture, agriculture…' })
  @IsSlug()
  chapter: string;

  @ApiProperty({ example: 'expert-gagnon', description: 'Expert who drafts the chapter position and analyses its offers.' })
  @IsActorId()
  expertId: string;
}

export class ConsultationGroupDto {
  @ApiProperty({ enum: STAKEHOLDER_GROUPS })
  @IsIn(STAKEHOLDER_GROUPS)
  group: StakeholderGroup;

  @ApiProperty({ example: 'liaison-roy', description: 'Who gathers the group’s submissions before the closing date.' })
  @IsActorId()
  liaisonId: string;
}

export class LaunchCanadaEuNegotiationDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['canada-eu-negotiation'] })
  @IsIn(['canada-eu-negotiation'])
  kind: 'canada-eu-negotiation';

  @ApiProperty({ type: [ChapterDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ArrayUnique((c: ChapterDto) => c?.chapter)
  @EachNested(() => ChapterDto)
  chapters: ChapterDto[];

  @ApiProperty({ type: [ConsultationGroupDto], description: 'Stakeholder groups consulted at each round, until CONSULTATION_PERIOD.' })
  @IsArray()
  @ArrayMaxSize(STAKEHOLDER_GROUPS.length)
  @ArrayUnique((g: ConsultationGroupDto) => g?.group)
  @EachNested(() => ConsultationGroupDto)
  consultation: ConsultationGroupDto[];

  @ApiProperty({ example: ['dm-commerce'], description: 'Who may approve each round’s mandate.' })
  @IsActorIdList(1, 20)
  mandateApproverIds: string[];
}
