import { ExpiringMemo } from './expiring-memo';

describe('ExpiringMemo', () => {
  it('keeps a value, null included, until its deadline and no longer', () => {
    const memo = new ExpiringMemo<string | null>(10);
    memo.set('a', null, Date.now() + 60_000);
    memo.set('b', 'gone', Date.now() - 1);
    expect(memo.get('a')).toEqual({ value: null });
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('c')).toBeUndefined();
  });

  it('lets the value kept longest go first when full, and forgets on demand', () => {
    const memo = new ExpiringMemo<number>(2);
    const later = Date.now() + 60_000;
    memo.set('a', 1, later);
    memo.set('b', 2, later);
    memo.set('a', 3, later); // kept again: now the newest
    memo.set('c', 4, later);
    expect([memo.get('a'), memo.get('b'), memo.get('c')]).toEqual([{ value: 3 }, undefined, { value: 4 }]);
    memo.delete('a');
    expect(memo.get('a')).toBeUndefined();
    memo.clear();
    expect(memo.get('c')).toBeUndefined();
  });
});
