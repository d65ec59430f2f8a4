import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Locale } from '@lib/contracts';
import { LAUNCH_DTOS } from '@workflows/registry-lookups';
import { CurrentCaller, Roles } from '../../auth/auth.decorators';
import type { Caller } from '../../auth/caller';
import { CallerLocale } from '../../common/caller-locale';
import { ApiIdempotencyKey, IdempotencyKey } from '../../common/idempotency-key';
import { LaunchBodyPipe, type ValidatedLaunch } from './launch-body.pipe';
import { ParticipationLauncher, type LaunchResult } from './participation-launcher.service';

/** `POST /participations`: one endpoint for every kind; the body's `kind` picks its DTO (one schema per kind in /docs). */
@ApiTags('participations')
@ApiBearerAuth()
@ApiExtraModels(...LAUNCH_DTOS)
@Controller('participations')
export class LaunchController {
  constructor(private readonly launcher: ParticipationLauncher) {}

  @Post()
  @Roles('coordinator')
  @ApiOperation({
    summary:
      'Launch a participation (coordinated by the caller unless an admin names someone else); 400 naming any unknown or inactive person or group; 409 if the same kind and business key was launched before',
  })
  @ApiBody({ schema: { oneOf: LAUNCH_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })), discriminator: { propertyName: 'kind' } } })
  @ApiIdempotencyKey()
  launch(
    @CurrentCaller() caller: Caller,
    @Body(LaunchBodyPipe) launch: ValidatedLaunch,
    @CallerLocale() locale: Locale,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<LaunchResult> {
    return this.launcher.launch(launch, caller, locale, idempotencyKey ? { key: idempotencyKey, callerId: caller.id } : undefined);
  }
}
