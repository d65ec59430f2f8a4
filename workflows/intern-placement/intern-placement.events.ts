import { ApiProperty, OmitType } from '@nestjs/swagger';
import { EventByBusinessKeyDto, IsSlug } from '../../libs/validation/src';
import type { KindEvent } from '../kind-definition';
import { LaunchInternPlacementDto } from './intern-placement.launch';

export class InternOfferAnswerDataDto extends EventByBusinessKeyDto {
  @ApiProperty({ example: 'unesco' })
  @IsSlug()
  organization: string;
}

/** An application begins an intern placement: its data is the launch body, without `kind`. */
export class InternApplicationDataDto extends OmitType(LaunchInternPlacementDto, ['kind'] as const) {}

/** The application starts the placement; the intern's answer to an offer moves it on. */
export const internPlacementEvents: Record<string, KindEvent> = {
  'intern.application.received': { data: InternApplicationDataDto, route: { to: 'new-participation' } },
  'intern.offer.accepted': { data: InternOfferAnswerDataDto, route: { to: 'business-key' } },
  'intern.offer.declined': { data: InternOfferAnswerDataDto, route: { to: 'business-key' } },
};
