import { plainToInstance, Type } from 'class-transformer';
import { directoryRefsIn, GroupRef, PersonRef } from './directory-refs';

class Item {
  @PersonRef({ role: 'expert' })
  expertId?: string;

  @GroupRef()
  candidateGroup?: string;

  area: string;
}

class Base {
  @PersonRef({ role: 'coordinator' })
  coordinatorId?: string;
}

class Body extends Base {
  @Type(() => Item)
  items: Item[];

  @PersonRef({ role: ['expert', 'coordinator'] })
  approverIds: string[];

  title: string;
}

describe('directoryRefsIn', () => {
  it('finds every person and group a body names, nested and inherited fields included, with its path', () => {
    const body = plainToInstance(Body, {
      coordinatorId: 'coord-a',
      title: 'not-a-person',
      items: [{ expertId: 'expert-a', area: 'x' }, { candidateGroup: 'group-a' }],
      approverIds: ['dm-a', 'dm-b'],
    });
    expect(directoryRefsIn(body, 'data').map(({ field, value, ref }) => [field, value, ref])).toEqual([
      ['data.coordinatorId', 'coord-a', { kind: 'person', roles: ['coordinator'] }],
      ['data.items.0.expertId', 'expert-a', { kind: 'person', roles: ['expert'] }],
      ['data.items.1.candidateGroup', 'group-a', { kind: 'group', needsMembers: true }],
      ['data.approverIds.0', 'dm-a', { kind: 'person', roles: ['expert', 'coordinator'] }],
      ['data.approverIds.1', 'dm-b', { kind: 'person', roles: ['expert', 'coordinator'] }],
    ]);
  });

  it('finds nothing in a plain object: only the marked fields of validated DTOs count', () => {
    expect(directoryRefsIn({ coordinatorId: 'coord-a', items: [{ expertId: 'x' }] })).toEqual([]);
  });
});
