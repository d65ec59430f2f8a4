import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import type { Caller } from '../auth/caller';
import { PageQuery, type Page } from '../common/page.query';
import { RequestId } from '../common/request-id';
import { groupCodePipe } from './directory-params';
import { AddGroupDto, ChangeGroupDto } from './dto/group.dto';
import { GroupsService, type GroupView } from './groups.service';

/** Candidate groups (shared inboxes): read by anyone signed in, kept by admins. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @ApiOperation({ summary: 'The groups, by code, with how many active members each has' })
  list(@Query() query: PageQuery): Promise<Page<GroupView>> {
    return this.groups.list(query);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a group; 409 if the code is taken' })
  add(@CurrentCaller() caller: Caller, @Body() body: AddGroupDto, @RequestId() requestId?: string): Promise<GroupView> {
    return this.groups.add(caller.id, body, requestId);
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename a group (its code never changes)' })
  change(
    @CurrentCaller() caller: Caller,
    @Param('code', groupCodePipe) code: string,
    @Body() body: ChangeGroupDto,
    @RequestId() requestId?: string,
  ): Promise<GroupView> {
    return this.groups.change(caller.id, code, body, requestId);
  }

  @Post(':code/deactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Deactivate a group: it can no longer be named at launch nor given to people' })
  deactivate(@CurrentCaller() caller: Caller, @Param('code', groupCodePipe) code: string, @RequestId() requestId?: string) {
    return this.groups.setActive(caller.id, code, false, requestId);
  }

  @Post(':code/reactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Reactivate a group' })
  reactivate(@CurrentCaller() caller: Caller, @Param('code', groupCodePipe) code: string, @RequestId() requestId?: string) {
    return this.groups.setActive(caller.id, code, true, requestId);
  }
}
