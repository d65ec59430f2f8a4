import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalInt } from './optional-int.decorator';

/**
 * `page` and `pageSize` for a list endpoint, with its own page size and limit
 * (a subclass cannot loosen an inherited @Max, so each list picks its numbers here).
 */
export function PageQueryOf(defaultSize: number, maxSize: number) {
  class Paged {
    @ApiPropertyOptional({ default: 1, minimum: 1 })
    @OptionalInt(1, 100000)
    page = 1;

    @ApiPropertyOptional({ default: defaultSize, minimum: 1, maximum: maxSize })
    @OptionalInt(1, maxSize)
    pageSize = defaultSize;
  }
  return Paged;
}

/** The list endpoints' pages: 20 by default, 100 at most. */
export class PageQuery extends PageQueryOf(20, 100) {}

/** One page of a list, with the total the filters match. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
