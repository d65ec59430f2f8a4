import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalInt } from '../common/optional-int.decorator';

export class DashboardQuery {
  @ApiPropertyOptional({
    default: 10,
    minimum: 1,
    maximum: 100,
    description: 'How many participations in "waiting longest", and people in "overdue by person".',
  })
  @OptionalInt(1, 100)
  waiting = 10;
}
