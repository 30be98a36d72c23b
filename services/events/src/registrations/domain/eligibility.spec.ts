import { ineligibilityOf } from './eligibility';

const startup = { kind: 'startup' as const, startupId: 's-1' };
const person = { kind: 'individual' as const, personId: 'p-1' };
const event = (eligibility: 'public' | 'residents' | 'cohort' | 'invited', invitees: string[] = []) => ({
  eligibility,
  programId: 'incubation',
  invitees,
});

describe('who may register', () => {
  it('lets anyone into a public event', () => {
    expect(ineligibilityOf(event('public'), person, null)).toBeUndefined();
  });

  it('keeps residents-only events to startups in residency now', () => {
    expect(ineligibilityOf(event('residents'), startup, { resident: true, programs: [] })).toBeUndefined();
    expect(ineligibilityOf(event('residents'), startup, { resident: false, programs: [] })).toMatch(/in residency/);
    expect(ineligibilityOf(event('residents'), startup, null)).toMatch(/in residency/);
    expect(ineligibilityOf(event('residents'), person, null)).toMatch(/resident startup/);
  });

  it('keeps cohort events to startups the program accepted', () => {
    expect(ineligibilityOf(event('cohort'), startup, { resident: false, programs: ['incubation'] })).toBeUndefined();
    expect(ineligibilityOf(event('cohort'), startup, { resident: true, programs: ['acceleration'] })).toMatch(/cohort/);
  });

  it('lets in only the startups and people invited', () => {
    expect(ineligibilityOf(event('invited', ['p-1']), person, null)).toBeUndefined();
    expect(ineligibilityOf(event('invited', ['s-1']), startup, null)).toBeUndefined();
    expect(ineligibilityOf(event('invited', ['s-2']), startup, null)).toMatch(/invitation/);
  });
});
