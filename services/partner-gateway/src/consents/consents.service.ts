import { Injectable } from '@nestjs/common';
import { type ActorV1, PartnerConsentGranted, PartnerConsentRevoked, type PartnerScope } from '@technopark/contracts';
import { newEvent, type NewEvent } from '@technopark/messaging';
import { Clock } from '@technopark/platform';
import { assertOwnStartup, type AuthorizedPrincipal } from '@technopark/security';
import { StartupDirectoryRepository } from '../directory/startup-directory.repository';
import type { StartupEntry } from '../directory/schemas/startup-entry.schema';
import { PartnersService } from '../partners/partners.service';
import { scopesAfter, scopesChanged, scopesHeld } from './consent-rules';
import { consentChanged, startupUnknown } from './consents.errors';
import { HeldScopes } from './held-scopes';
import { consentIdOf, ConsentsRepository } from './consents.repository';
import type { ConsentChange, PartnerConsent } from './schemas/partner-consent.schema';

export type ConsentDecision = 'granted' | 'revoked';

/** A startup's decisions on what each partner program receives, each one an event and a line of its audit trail. */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly consents: ConsentsRepository,
    private readonly directory: StartupDirectoryRepository,
    private readonly partners: PartnersService,
    private readonly heldScopes: HeldScopes,
    private readonly clock: Clock,
  ) {}

  /** The startup as the directory knows it, after the caller's right to act for it is checked. */
  async startupFor(startupId: string, principal: AuthorizedPrincipal): Promise<StartupEntry> {
    assertOwnStartup(principal, startupId);
    const startup = await this.directory.findById(startupId);
    if (!startup) throw startupUnknown(startupId);
    return startup;
  }

  async decide(
    startupId: string,
    partnerId: string,
    decision: { change: ConsentDecision; scopes: PartnerScope[] },
    principal: AuthorizedPrincipal,
    actor: ActorV1,
  ): Promise<PartnerConsent> {
    const startup = await this.startupFor(startupId, principal);
    await this.partners.get(partnerId);
    const read = await this.consents.find(startupId, partnerId);
    const held = scopesHeld(read, startup.sharingFlag);
    const moved = scopesChanged(held, decision.change, decision.scopes);
    const holds = scopesAfter(held, decision.change, decision.scopes);
    const entry = { change: decision.change, scopes: moved, by: actor, at: this.clock.now() };
    const events =
      moved.length === 0
        ? []
        : [
            newEvent(decision.change === 'granted' ? PartnerConsentGranted : PartnerConsentRevoked, {
              startupId,
              site: startup.site,
              partnerId,
              scopes: moved,
              holds,
              actor,
            }),
          ];
    const written = await this.write(read, { startupId, partnerId, site: startup.site, holds }, entry, events);
    if (!written) throw consentChanged(startupId, partnerId);
    this.heldScopes.forget(startupId);
    return written;
  }

  private async write(
    read: PartnerConsent | null,
    consent: { startupId: string; partnerId: string; site: string; holds: PartnerScope[] },
    entry: ConsentChange,
    events: NewEvent[],
  ): Promise<PartnerConsent | null> {
    if (read && events.length === 0) return read;
    if (read) return this.consents.change(read, { $set: { scopes: consent.holds }, $push: { history: entry } }, events);
    const { startupId, partnerId, site, holds } = consent;
    return this.consents.create(
      {
        _id: consentIdOf(startupId, partnerId),
        ...{ startupId, partnerId, site },
        scopes: holds,
        history: events.length > 0 ? [entry] : [],
        version: 0,
      },
      events,
    );
  }
}
