import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from './auth.decorators';
import type { Caller } from './caller';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'Who the token says I am: id, roles and groups' })
  me(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }
}
