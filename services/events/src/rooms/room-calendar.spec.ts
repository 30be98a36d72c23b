import { bookingOf, clashIn } from './room-calendar';

const at = (time: string) => new Date(`2027-03-18T${time}:00Z`);
const slot = (eventId: string, from: string, to: string) => ({ eventId, startsAt: at(from), endsAt: at(to) });

describe('a room calendar', () => {
  const morning = bookingOf(slot('morning', '09:00', '12:00'), 30);

  it('holds the room for the buffer before and after the event', () => {
    expect(morning).toEqual({ eventId: 'morning', from: at('08:30'), to: at('12:30') });
  });

  it('refuses an event starting within the teardown of another, and accepts one after it', () => {
    expect(clashIn([morning], bookingOf(slot('lunch', '12:45', '14:00'), 30))?.eventId).toBe('morning');
    expect(clashIn([morning], bookingOf(slot('afternoon', '13:00', '15:00'), 30))).toBeUndefined();
  });

  it('lets an event move within its own booking', () => {
    expect(clashIn([morning], bookingOf(slot('morning', '10:00', '13:00'), 30))).toBeUndefined();
  });
});
