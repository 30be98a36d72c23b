import { ApplicationAccepted, ApplicationScored, ResidencyStarted } from '@technopark/contracts';
import { payloadFor } from './startup-view-policy';

describe("a startup's view of its own events", () => {
  it('hides the committee member and the marks of a scoring', () => {
    const scored = { ...ApplicationScored.example, actor: { id: 'member-7', role: 'committee-member' } };
    expect(payloadFor('startup', ApplicationScored.type, scored)).not.toHaveProperty('score');
    expect(payloadFor('startup', ApplicationScored.type, scored)['actor']).toEqual({
      id: 'committee',
      role: 'committee-member',
    });
    expect(payloadFor('site-staff', ApplicationScored.type, scored)).toEqual(scored);
  });

  it("hides the acceptance's average score, and keeps the rest", () => {
    const seen = payloadFor(
      'startup',
      ApplicationAccepted.type,
      ApplicationAccepted.example as unknown as Record<string, unknown>,
    );
    expect(seen).not.toHaveProperty('averageScore');
    expect(seen).toMatchObject({ programName: 'Incubation', actor: ApplicationAccepted.example.actor });
  });

  it("leaves the startup's own actions and the system's as they are", () => {
    const started = { ...ResidencyStarted.example, actor: { id: 'residency-allocator', role: 'system' } };
    expect(payloadFor('startup', ResidencyStarted.type, started)).toEqual(started);
  });
});
