import { addMonths, datesFrom, daysBefore, monthsBetween } from './calendar';

describe('calendar dates', () => {
  it('lists every date of a range across a month end, both ends included', () => {
    expect(datesFrom('2027-02-27', '2027-03-02')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01', '2027-03-02']);
    expect(datesFrom('2027-03-02', '2027-03-02')).toEqual(['2027-03-02']);
    expect(datesFrom('2027-03-03', '2027-03-02')).toEqual([]);
  });

  it('counts back whole days, and months as a stay lasts them', () => {
    expect(daysBefore('2027-03-01', 1)).toBe('2027-02-28');
    expect(daysBefore('2028-03-01', 400)).toBe('2027-01-26');
    expect(monthsBetween('2027-03-01', '2027-06-01')).toBe(3);
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
  });
});
