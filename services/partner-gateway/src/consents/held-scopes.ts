import { Injectable } from '@nestjs/common';
import type { PartnerScope } from '@technopark/contracts';
import { StartupDirectoryRepository } from '../directory/startup-directory.repository';
import type { SharingFlag } from '../directory/schemas/startup-entry.schema';
import { scopesHeld } from './consent-rules';
import { ConsentsRepository } from './consents.repository';
import type { PartnerConsent } from './schemas/partner-consent.schema';

/** Startups whose consents are kept in memory at most; the oldest read is forgotten first. */
const CAPACITY = 50_000;

interface StartupConsents {
  readonly flag?: Pick<SharingFlag, 'shared'>;
  readonly decided: ReadonlyMap<string, Pick<PartnerConsent, 'scopes'>>;
}

/**
 * What each partner may receive of a startup, asked for every routed item and again before every
 * delivery. Held in memory because this process is the only writer of consents and of the
 * directory (the gateway runs as one replica): every write forgets the startup once it is stored,
 * and a read that overlapped a write of the same startup keeps nothing, so no read after a
 * revocation sees the scopes before it.
 */
@Injectable()
export class HeldScopes {
  private readonly known = new Map<string, StartupConsents>();
  /** Writes per startup, so a read overlapping one is not kept. */
  private readonly writes = new Map<string, number>();

  constructor(
    private readonly consents: ConsentsRepository,
    private readonly directory: StartupDirectoryRepository,
  ) {}

  async of(startupId: string, partnerId: string): Promise<PartnerScope[]> {
    const startup = this.known.get(startupId) ?? (await this.read(startupId));
    return scopesHeld(startup.decided.get(partnerId), startup.flag);
  }

  /** Called once the startup's profile is written: what it holds changes only with its sharing flag. */
  profileWritten(startupId: string, shared: boolean): void {
    if (this.known.get(startupId)?.flag?.shared !== shared) this.forget(startupId);
  }

  /** Called once a consent or the startup's profile is written. */
  forget(startupId: string): void {
    this.writes.set(startupId, (this.writes.get(startupId) ?? 0) + 1);
    this.known.delete(startupId);
  }

  private async read(startupId: string): Promise<StartupConsents> {
    const writes = this.writes.get(startupId);
    const [entry, decided] = await Promise.all([
      this.directory.findById(startupId),
      this.consents.ofStartup(startupId),
    ]);
    const startup = {
      ...(entry && { flag: entry.sharingFlag }),
      decided: new Map(decided.map((consent) => [consent.partnerId, consent])),
    };
    if (writes !== this.writes.get(startupId)) return startup;
    if (this.known.size >= CAPACITY) this.evictOldest();
    this.known.set(startupId, startup);
    return startup;
  }

  private evictOldest(): void {
    const oldest = this.known.keys().next().value as string;
    this.known.delete(oldest);
    this.writes.delete(oldest);
  }
}
