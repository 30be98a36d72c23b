import { assertCoherentFunder, openWindowOf } from './funder-rules';

const windows = [
  { windowId: 'spring', opensOn: '2027-03-01', closesOn: '2027-04-30' },
  { windowId: 'autumn', opensOn: '2027-09-01', closesOn: '2027-10-31' },
];
const funder = { ticketMinMad: 100, ticketMaxMad: 200, sites: ['rabat'], windows };

describe("a funder's criteria", () => {
  it('refuses an inverted ticket range, a site it does not cover, and windows that invert or overlap', () => {
    const code = (change: object) => {
      try {
        assertCoherentFunder({ ...funder, ...change }, 'rabat');
        return 'ok';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect([
      code({}),
      code({ ticketMinMad: 300 }),
      code({ sites: ['fes'] }),
      code({ windows: [{ windowId: 'w', opensOn: '2027-02-01', closesOn: '2027-01-01' }] }),
      code({ windows: [...windows, { windowId: 'late-spring', opensOn: '2027-04-30', closesOn: '2027-05-31' }] }),
    ]).toEqual([
      'ok',
      'FUNDER.TICKET_RANGE_INVERTED',
      'FUNDER.SITE_NOT_COVERED',
      'FUNDER.WINDOW_INVERTED',
      'FUNDER.WINDOWS_OVERLAP',
    ]);
  });

  it('knows the window open on a day: rolling without windows, none between two', () => {
    expect([
      openWindowOf([], '2027-01-01'),
      openWindowOf(windows, '2027-04-30'),
      openWindowOf(windows, '2027-05-01'),
    ]).toEqual(['rolling', 'spring', null]);
  });
});
