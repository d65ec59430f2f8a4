import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { durationSetting } from '../../libs/config/src';
import { EachNested, IsActorId, IsActorIdList, IsSlug, LaunchHeaderDto, PersonRef } from '../../libs/validation/src';
import { taskTiming, type KindLaunch } from '../kind-definition';
import { STAKEHOLDER_GROUPS, type CanadaEuInput, type StakeholderGroup } from './canada-eu-negotiation.contract';

export class ChapterDto {
  @ApiProperty({ example: 'procurement', description: 'Chapter code: procurement, services, culture, agriculture…' })
  @IsSlug()
  chapter: string;

  @ApiProperty({ example: 'expert-gagnon', description: 'Expert who drafts the chapter position and analyses its offers.' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  expertId: string;
}

export class ConsultationGroupDto {
  @ApiProperty({ enum: STAKEHOLDER_GROUPS })
  @IsIn(STAKEHOLDER_GROUPS)
  group: StakeholderGroup;

  @ApiProperty({ example: 'liaison-roy', description: 'Who gathers the group’s submissions before the closing date.' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
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
  @PersonRef({ role: 'coordinator' })
  mandateApproverIds: string[];
}

/** Its own setting, validated at start with the rest of the configuration. */
export const consultationPeriod = durationSetting(
  'CONSULTATION_PERIOD',
  '30 days',
  "Canada–EU: how long each round's stakeholder consultation stays open.",
);

/** How the API launches this kind: the body above, and the workflow input built from it. */
export const canadaEuNegotiationLaunch: KindLaunch<LaunchCanadaEuNegotiationDto> = {
  dto: LaunchCanadaEuNegotiationDto,
  toInput: (dto, header, config): CanadaEuInput => ({
    ...header,
    kind: 'canada-eu-negotiation',
    chapters: dto.chapters.map(({ chapter, expertId }) => ({ chapter, expertId })),
    consultation: dto.consultation.map(({ group, liaisonId }) => ({ group, liaisonId })),
    mandateApproverIds: dto.mandateApproverIds,
    timing: { ...taskTiming(config), consultationMs: consultationPeriod.read(config) },
  }),
};
