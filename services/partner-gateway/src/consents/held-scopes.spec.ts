import type { StartupDirectoryRepository } from '../directory/startup-directory.repository';
import type { StartupEntry } from '../directory/schemas/startup-entry.schema';
import type { ConsentsRepository } from './consents.repository';
import { HeldScopes } from './held-scopes';
import type { PartnerConsent } from './schemas/partner-consent.schema';

/** The stored consents and directory, with a gate to hold a read half-way. */
class Stored {
  consents: Pick<PartnerConsent, 'partnerId' | 'scopes'>[] = [];
  flag = false;
  reads = 0;
  gate?: Promise<void>;

  readonly consentsRepository = {
    ofStartup: async () => {
      this.reads++;
      const seen = this.consents.map((consent) => ({ ...consent }));
      await this.gate;
      return seen;
    },
  } as unknown as ConsentsRepository;

  readonly directory = {
    findById: async () => ({ sharingFlag: { shared: this.flag } }) as StartupEntry,
  } as unknown as StartupDirectoryRepository;
}

describe('the scopes partners hold, kept in memory', () => {
  it('reads a startup once, and again only after a write forgets it', async () => {
    const stored = new Stored();
    stored.consents = [{ partnerId: 'pnp', scopes: ['profile', 'residency'] }];
    const held = new HeldScopes(stored.consentsRepository, stored.directory);

    expect(await held.of('s-1', 'pnp')).toEqual(['profile', 'residency']);
    expect(await held.of('s-1', 'other')).toEqual([]);
    expect(stored.reads).toBe(1);

    stored.consents = [{ partnerId: 'pnp', scopes: ['profile'] }];
    held.forget('s-1');
    expect(await held.of('s-1', 'pnp')).toEqual(['profile']);
    expect(stored.reads).toBe(2);
  });

  it('does not keep a read that overlapped a revocation', async () => {
    const stored = new Stored();
    stored.consents = [{ partnerId: 'pnp', scopes: ['residency'] }];
    const held = new HeldScopes(stored.consentsRepository, stored.directory);
    let release = () => undefined as void;
    stored.gate = new Promise<void>((resolve) => (release = resolve));

    const before = held.of('s-1', 'pnp');
    stored.consents = [];
    held.forget('s-1');
    release();
    // The overlapping read answers what it saw, but does not keep it.
    expect(await before).toEqual(['residency']);
    stored.gate = undefined;
    expect(await held.of('s-1', 'pnp')).toEqual([]);
  });

  it('follows the partner-sharing flag for partners without a decision, forgetting only when it changes', async () => {
    const stored = new Stored();
    stored.flag = true;
    const held = new HeldScopes(stored.consentsRepository, stored.directory);

    expect(await held.of('s-1', 'anyone')).toEqual(['profile']);
    held.profileWritten('s-1', true);
    expect(await held.of('s-1', 'anyone')).toEqual(['profile']);
    expect(stored.reads).toBe(1);

    stored.flag = false;
    held.profileWritten('s-1', false);
    expect(await held.of('s-1', 'anyone')).toEqual([]);
    expect(stored.reads).toBe(2);
  });
});
