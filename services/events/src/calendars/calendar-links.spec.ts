import { CalendarLinks } from './calendar-links';

const links = new CalendarLinks('a-test-secret-of-at-least-32-characters!');

describe('private calendar links', () => {
  it('reads back the registrant of a link it made', () => {
    expect(links.read(links.tokenFor('person:user-7f3a'))).toBe('person:user-7f3a');
  });

  it("refuses a link altered to another registrant's, or signed with another secret", () => {
    const token = links.tokenFor('person:user-7f3a');
    const other = `${Buffer.from('person:user-0000').toString('base64url')}.${token.split('.')[1]}`;
    expect(links.read(other)).toBeUndefined();
    expect(
      links.read(new CalendarLinks('another-secret-of-at-least-32-characters').tokenFor('person:x')),
    ).toBeUndefined();
    expect(links.read('garbage')).toBeUndefined();
  });
});
