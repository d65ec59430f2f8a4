import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import type { Caller } from '../auth/caller';
import type { Page } from '../common/page.query';
import { RequestId } from '../common/request-id';
import { personIdPipe } from './directory-params';
import { DirectoryRefsPipe } from './directory-refs.service';
import { ListPeopleQuery } from './dto/list-people.query';
import { AddPersonDto, ChangePersonDto } from './dto/person.dto';
import { PeopleService } from './people.service';
import type { PersonView } from './person.view';

/** The people of the directory: found by anyone signed in (the pickers), kept by admins. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @ApiOperation({ summary: 'Find people by name or id, role, group, expertise (e-mail addresses for admins only)' })
  list(@CurrentCaller() caller: Caller, @Query() query: ListPeopleQuery): Promise<Page<PersonView>> {
    return this.people.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One person of the directory' })
  get(@CurrentCaller() caller: Caller, @Param('id', personIdPipe) id: string): Promise<PersonView> {
    return this.people.get(caller, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a person (active); 409 if the id is taken; groups must be active groups' })
  add(@CurrentCaller() caller: Caller, @Body(DirectoryRefsPipe) body: AddPersonDto, @RequestId() requestId?: string): Promise<PersonView> {
    return this.people.add(caller, body, requestId);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a person’s name, e-mail, language, organization, roles, groups, expertise or languages' })
  change(
    @CurrentCaller() caller: Caller,
    @Param('id', personIdPipe) id: string,
    @Body(DirectoryRefsPipe) body: ChangePersonDto,
    @RequestId() requestId?: string,
  ): Promise<PersonView> {
    return this.people.change(caller, id, body, requestId);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Deactivate a person: no more sign-in, named nowhere (their open tasks stay: reassign them)' })
  deactivate(@CurrentCaller() caller: Caller, @Param('id', personIdPipe) id: string, @RequestId() requestId?: string): Promise<PersonView> {
    return this.people.setActive(caller, id, false, requestId);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Reactivate a deactivated person' })
  reactivate(@CurrentCaller() caller: Caller, @Param('id', personIdPipe) id: string, @RequestId() requestId?: string): Promise<PersonView> {
    return this.people.setActive(caller, id, true, requestId);
  }
}
