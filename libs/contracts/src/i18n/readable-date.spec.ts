import { readableDate } from './readable-date';

describe('readableDate', () => {
  it('shows an ISO instant as day, minute and UTC', () => {
    expect(readableDate('2027-03-04T09:00:00.000Z')).toBe('2027-03-04 09:00 UTC');
  });

  it('leaves anything that is not an ISO instant as it is', () => {
    expect(readableDate('demain')).toBe('demain');
  });
});
