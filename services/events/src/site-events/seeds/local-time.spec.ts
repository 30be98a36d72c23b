import { atLocalTime } from './local-time';

describe('atLocalTime', () => {
  it("places a wall-clock time in the zone's offset of that day", () => {
    expect(atLocalTime(new Date('2027-01-12T00:00:00Z'), '09:30', 'Africa/Casablanca').toISOString()).toBe(
      '2027-01-12T08:30:00.000Z',
    );
    expect(atLocalTime(new Date('2027-07-01T00:00:00Z'), '18:00', 'Europe/Paris').toISOString()).toBe(
      '2027-07-01T16:00:00.000Z',
    );
    expect(atLocalTime(new Date('2027-07-01T00:00:00Z'), '00:15', 'UTC').toISOString()).toBe(
      '2027-07-01T00:15:00.000Z',
    );
  });
});
