import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, OpenToPartners, OpenToServices } from './auth.decorators';
import type { Caller } from './caller';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  @Get()
  @OpenToServices()
  @OpenToPartners()
  @ApiOperation({ summary: 'Who the token says I am: a person (id, roles and groups from the directory) or a service' })
  me(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }
}
