import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
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
  add(@Body() body: NewForumDto): Promise<ReferenceEntryView> {
    return this.reference.add('forums', { ...body });
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a forum’s names or type (its code never changes)' })
  change(@Param('code', referenceCodePipe) code: string, @Body() body: ForumChangeDto): Promise<ReferenceEntryView> {
    return this.reference.change('forums', code, { ...body });
  }

  @Post(':code/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Retire a forum: new launches can no longer name it; what named it still reads' })
  retire(@Param('code', referenceCodePipe) code: string): Promise<ReferenceEntryView> {
    return this.reference.retire('forums', code);
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
  add(@Body() body: NewCountryDto): Promise<ReferenceEntryView> {
    return this.reference.add('countries', { ...body });
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a country’s names, type or country (its code never changes)' })
  change(@Param('code', referenceCodePipe) code: string, @Body() body: CountryChangeDto): Promise<ReferenceEntryView> {
    return this.reference.change('countries', code, { ...body });
  }

  @Post(':code/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Retire a country or state: new launches can no longer name it' })
  retire(@Param('code', referenceCodePipe) code: string): Promise<ReferenceEntryView> {
    return this.reference.retire('countries', code);
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
  add(@Body() body: NewOfficeDto): Promise<ReferenceEntryView> {
    return this.reference.add('offices', { ...body });
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOperation({ summary: 'Change an office’s names, city, country, type or status (its code never changes)' })
  change(@Param('code', referenceCodePipe) code: string, @Body() body: OfficeChangeDto): Promise<ReferenceEntryView> {
    return this.reference.change('offices', code, { ...body });
  }

  @Post(':code/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Retire an office from the list (a closed office stays listed with status closed)' })
  retire(@Param('code', referenceCodePipe) code: string): Promise<ReferenceEntryView> {
    return this.reference.retire('offices', code);
  }
}
