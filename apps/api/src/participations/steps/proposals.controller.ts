import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { ParticipationStateView } from '@lib/contracts';
import { IsNotBlank, IsSlug } from '@lib/validation';
import { CurrentCaller, Roles } from '../../auth/auth.decorators';
import type { Caller } from '../../auth/caller';
import { uuidPipe } from '../../common/uuid.pipe';
import { ParticipationSteps } from './participation-steps.service';

export class SubmitProposalDto {
  @ApiProperty({ example: 'water-quality', description: 'Lower-case code of the project, unique within the call.' })
  @IsSlug()
  code: string;

  @ApiProperty({ example: 'Qualité de l’eau des Grands Lacs et du Danube' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'environmental', description: 'One of the call’s themes.' })
  @IsSlug()
  theme: string;

  @ApiProperty({ example: 'Échanges d’étudiants-chercheurs entre deux universités.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  summary: string;
}

/** Partners answer a call for proposals; the call's workflow accepts or refuses each (409 call closed, 422 theme or code). */
@ApiTags('participations')
@ApiBearerAuth()
@Roles('partner')
@Controller('participations/:id/proposals')
export class ProposalsController {
  constructor(private readonly steps: ParticipationSteps) {}

  @Post()
  @ApiOperation({ summary: 'Submit a project to an open call, for the caller’s organization (partners)' })
  submit(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe) id: string,
    @Body() body: SubmitProposalDto,
  ): Promise<ParticipationStateView> {
    return this.steps.submitProposal(id, caller, body);
  }
}
