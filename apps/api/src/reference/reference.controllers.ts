import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import type { Caller } from '../auth/caller';
import { RequestId } from '../common/request-id';
import type { Page } from '../common/page.query';
import { referenceCodePipe } from './reference-code.pipe';
import { CountryChangeDto, ForumChangeDto, NewCountryDto, NewForumDto, NewOfficeDto, OfficeChangeDto } from './dto/reference-entry.dto';
import { ListReferenceQuery } from './dto/list-reference.query';
import { ReferenceService, type ReferenceEntryView } from './reference.service';

/*
 * The three reference lists, read by anyone signed in and kept by admins:
 * `GET /reference/<list>`, `POST` to add, `PATCH /:code` to rename or
 * correct, `POST /:code/retire` instead of a deletion (codes are stable).
 * One controller each, so each body has its own DTO and OpenAPI schema.
 */

@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference/forums')
export class ForumsController {
  constructor(private readonly reference: ReferenceService) {}

  @Get()
  @ApiOperation({ summary: 'Forums and international organizations, by code, with French and English names' })
  list(@Query() query: ListReferenceQuery): Promise<Page<ReferenceEntryView>> {
    return this.reference.list('forums', query);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a forum or organization; 409 if the code is taken' })
  add(@CurrentCaller() caller: Caller, @RequestId() requestId: string | undefined, @Body() body: NewForumDto): Promise<ReferenceEntryView> {
    return this.reference.add({ actorId: caller.id, requestId }, 'forums', { ...body });
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a forum’s names or type (its code never changes)' })
  change(
    @CurrentCaller() caller: Caller,
    @RequestId() requestId: string | undefined,
    @Param('code', referenceCodePipe) code: string,
    @Body() body: ForumChangeDto,
  ): Promise<ReferenceEntryView> {
    return this.reference.change({ actorId: caller.id, requestId }, 'forums', code, { ...body });
  }

  @Post(':code/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Retire a forum: new launches can no longer name it; what named it still reads' })
  retire(
    @CurrentCaller() caller: Caller,
    @RequestId() requestId: string | undefined,
    @Param('code', referenceCodePipe) code: string,
  ): Promise<ReferenceEntryView> {
    return this.reference.retire({ actorId: caller.id, requestId }, 'forums', code);
  }
}

@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference/countries')
export class CountriesController {
  constructor(private readonly reference: ReferenceService) {}

  @Get()
  @ApiOperation({ summary: 'Countries, federated states and regions (countryCode: the states of one country)' })
  list(@Query() query: ListReferenceQuery): Promise<Page<ReferenceEntryView>> {
    return this.reference.list('countries', query);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a country, federated state or region; 409 if the code is taken' })
  add(
    @CurrentCaller() caller: Caller,
    @RequestId() requestId: string | undefined,
    @Body() body: NewCountryDto,
  ): Promise<ReferenceEntryView> {
    return this.reference.add({ actorId: caller.id, requestId }, 'countries', { ...body });
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a country’s names, type or country (its code never changes)' })
  change(
    @CurrentCaller() caller: Caller,
    @RequestId() requestId: string | undefined,
    @Param('code', referenceCodePipe) code: string,
    @Body() body: CountryChangeDto,
  ): Promise<ReferenceEntryView> {
    return this.reference.change({ actorId: caller.id, requestId }, 'countries', code, { ...body });
  }

  @Post(':code/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Retire a country or state: new launches can no longer name it' })
  retire(
    @CurrentCaller() caller: Caller,
    @RequestId() requestId: string | undefined,
    @Param('code', referenceCodePipe) code: string,
  ): Promise<ReferenceEntryView> {
    return this.reference.retire({ actorId: caller.id, requestId }, 'countries', code);
  }
}

@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference/offices')
export class OfficesController {
  constructor(private readonly reference: ReferenceService) {}

  @Get()
  @ApiOperation({ summary: 'Delegations and offices abroad: name, city, country, type, status' })
  list(@Query() query: ListReferenceQuery): Promise<Page<ReferenceEntryView>> {
    return this.reference.list('offices', query);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add an office; 409 if the code is taken' })
  add(
    @CurrentCaller() caller: Caller,
    @RequestId() requestId: string | undefined,
    @Body() body: NewOfficeDto,
  ): Promise<ReferenceEntryView> {
    return this.reference.add({ actorId: caller.id, requestId }, 'offices', { ...body });
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOperation({ summary: 'Change an office’s names, city, country, type or status (its code never changes)' })
  change(
    @CurrentCaller() caller: Caller,
    @RequestId() requestId: string | undefined,
    @Param('code', referenceCodePipe) code: string,
    @Body() body: OfficeChangeDto,
  ): Promise<ReferenceEntryView> {
    return this.reference.change({ actorId: caller.id, requestId }, 'offices', code, { ...body });
  }

  @Post(':code/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Retire an office from the list (a closed office stays listed with status closed)' })
  retire(
    @CurrentCaller() caller: Caller,
    @RequestId() requestId: string | undefined,
    @Param('code', referenceCodePipe) code: string,
  ): Promise<ReferenceEntryView> {
    return this.reference.retire({ actorId: caller.id, requestId }, 'offices', code);
  }
}
