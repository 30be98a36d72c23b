import ICAL from 'ical.js';
import type { SiteEvent } from '../site-events/schemas/site-event.schema';
import { icsOf } from './ics-feed';

const event = (overrides: Partial<SiteEvent>): SiteEvent =>
  ({
    _id: '0b7d6c1e-4f3a-4e2b-9c8d-7a6b5c4d3e2f',
    kind: 'workshop',
    title: { fr: 'Atelier pitch', en: 'Pitch workshop' },
    startsAt: new Date('2027-03-18T13:00:00.000Z'),
    endsAt: new Date('2027-03-18T16:00:00.000Z'),
    timezone: 'Africa/Casablanca',
    roomId: 'agora-1',
    status: 'published',
    version: 3,
    createdAt: new Date('2027-02-01T09:00:00.000Z'),
    updatedAt: new Date('2027-02-10T09:00:00.000Z'),
    ...overrides,
  }) as SiteEvent;

const parsed = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((each) => new ICAL.Event(each));

describe('an iCalendar feed of events', () => {
  it('writes each event with its instant, title in the language asked for, place and revision', () => {
    const [pitch] = parsed(
      icsOf([event({})], { name: 'Technopark casablanca', language: 'en', roomNames: new Map([['agora-1', 'Agora']]) }),
    );
    expect(pitch?.uid).toBe('0b7d6c1e-4f3a-4e2b-9c8d-7a6b5c4d3e2f@events.technopark.ma');
    expect(pitch?.summary).toBe('Pitch workshop');
    expect(pitch?.location).toBe('Agora');
    expect(pitch?.startDate.toJSDate().toISOString()).toBe('2027-03-18T13:00:00.000Z');
    expect(pitch?.endDate.toJSDate().toISOString()).toBe('2027-03-18T16:00:00.000Z');
    expect(pitch?.sequence).toBe(3);
  });

  it('falls back to the first language the event has, and marks a cancelled event so calendars drop it', () => {
    const [cancelled] = parsed(
      icsOf(
        [
          event({
            title: { ar: 'ورشة' },
            status: 'cancelled',
            roomId: undefined,
            onlineUrl: 'https://meet.example.ma/x',
          }),
        ],
        {
          name: 'Technopark rabat',
          language: 'fr',
          roomNames: new Map(),
        },
      ),
    );
    expect(cancelled?.summary).toBe('ورشة');
    expect(cancelled?.location).toBe('https://meet.example.ma/x');
    expect(cancelled?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
