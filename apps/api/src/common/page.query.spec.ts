import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ListAuditQuery } from '../audit/list-audit.query';
import { ListTasksQuery } from '../tasks/dto/list-tasks.query';
import { PageQuery } from './page.query';

/** Each list keeps its own page size and limit, from the one definition of paging. */
describe('page queries', () => {
  const read = <T extends object>(type: new () => T, query: Record<string, string>) => {
    const value = plainToInstance(type, query);
    return { value, failed: validateSync(value).map((e) => e.property) };
  };

  it('pages the lists 20 at a time, 100 at most', () => {
    expect(read(PageQuery, {}).value).toMatchObject({ page: 1, pageSize: 20 });
    expect(read(ListTasksQuery, { pageSize: '100' }).failed).toEqual([]);
    expect(read(ListTasksQuery, { pageSize: '101', page: '0' }).failed.sort()).toEqual(['page', 'pageSize']);
  });

  it('pages the audit trail 50 at a time, 200 at most', () => {
    expect(read(ListAuditQuery, {}).value).toMatchObject({ page: 1, pageSize: 50 });
    expect(read(ListAuditQuery, { pageSize: '200' }).failed).toEqual([]);
    expect(read(ListAuditQuery, { pageSize: '201' }).failed).toEqual(['pageSize']);
  });

  it('reads only decimal digits as a number: no hexadecimal, exponent or blank', () => {
    expect(read(PageQuery, { page: '2', pageSize: '10' }).value).toMatchObject({ page: 2, pageSize: 10 });
    for (const odd of ['0x10', '1e2', ' 10', '10.0', '', 'ten']) {
      expect({ odd, failed: read(PageQuery, { pageSize: odd }).failed }).toEqual({ odd, failed: ['pageSize'] });
    }
  });
});
