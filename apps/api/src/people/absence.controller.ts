import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import type { Caller } from '../auth/caller';
import { RequestId } from '../common/request-id';
import { AbsenceService, type PersonAbsence } from './absence.service';
import { personIdPipe } from './directory-params';
import { DirectoryRefsPipe } from './directory-refs.service';
import { RecordAbsenceDto } from './dto/absence.dto';

/** My own absence and delegate: while it lasts, tasks opened for me go to my delegate. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('me/absence')
export class MyAbsenceController {
  constructor(private readonly absences: AbsenceService) {}

  @Get()
  @ApiOperation({ summary: 'My recorded absence, or null' })
  get(@CurrentCaller() caller: Caller): Promise<PersonAbsence> {
    return this.absences.get(caller.id);
  }

  @Put()
  @ApiOperation({ summary: 'Record (or replace) my absence: from, to, and the delegate who receives my new tasks meanwhile' })
  record(
    @CurrentCaller() caller: Caller,
    @Body(DirectoryRefsPipe) body: RecordAbsenceDto,
    @RequestId() requestId?: string,
  ): Promise<PersonAbsence> {
    return this.absences.record(caller.id, caller.id, body, requestId);
  }

  @Delete()
  @ApiOperation({ summary: 'End my absence now' })
  end(@CurrentCaller() caller: Caller, @RequestId() requestId?: string): Promise<PersonAbsence> {
    return this.absences.end(caller.id, caller.id, requestId);
  }
}

/** Anyone's absence, for admins. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people/:id/absence')
export class PersonAbsenceController {
  constructor(private readonly absences: AbsenceService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'A person’s recorded absence, or null' })
  get(@Param('id', personIdPipe) id: string): Promise<PersonAbsence> {
    return this.absences.get(id);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Record (or replace) a person’s absence and delegate' })
  record(
    @CurrentCaller() caller: Caller,
    @Param('id', personIdPipe) id: string,
    @Body(DirectoryRefsPipe) body: RecordAbsenceDto,
    @RequestId() requestId?: string,
  ): Promise<PersonAbsence> {
    return this.absences.record(caller.id, id, body, requestId);
  }

  @Delete()
  @Roles('admin')
  @ApiOperation({ summary: 'End a person’s absence now' })
  end(@CurrentCaller() caller: Caller, @Param('id', personIdPipe) id: string, @RequestId() requestId?: string): Promise<PersonAbsence> {
    return this.absences.end(caller.id, id, requestId);
  }
}
