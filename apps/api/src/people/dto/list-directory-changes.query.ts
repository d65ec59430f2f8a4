import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { ACTOR_ID_PATTERN } from '@lib/contracts';
import { PageQueryOf } from '../../common/page.query';

/** The directory's journal, newest first: 50 a page by default, 200 at most. */
export class ListDirectoryChangesQuery extends PageQueryOf(50, 200) {
  @ApiPropertyOptional({
    description: '`person:<id>`, `group:<code>`, or a reference entry `forums:<code>`, `countries:<code>`, `offices:<code>`',
    example: 'person:expert-tremblay',
  })
  @IsOptional()
  @Matches(/^(person|group|forums|countries|offices):[a-z0-9][a-z0-9._-]*$/)
  @MaxLength(100)
  target?: string;

  @ApiPropertyOptional({ example: 'admin' })
  @IsOptional()
  @Matches(ACTOR_ID_PATTERN)
  actorId?: string;

  @ApiPropertyOptional({ example: 'person.deactivated' })
  @IsOptional()
  @Matches(/^[a-z]+\.[a-z]+$/)
  action?: string;
}
