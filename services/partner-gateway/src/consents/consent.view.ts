import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNER_SCOPES, type PartnerScope } from '@technopark/contracts';
import { ActorView } from '@technopark/platform';
import type { StartupEntry } from '../directory/schemas/startup-entry.schema';
import { scopesHeld } from './consent-rules';
import type { PartnerConsent } from './schemas/partner-consent.schema';

export class PartnerConsentView {
  @ApiProperty({ example: 'plug-and-play' })
  partnerId!: string;

  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true })
  scopes!: PartnerScope[];

  @ApiProperty()
  updatedAt!: Date;
}

export class SharingFlagView {
  @ApiProperty({
    description: 'The former partner-sharing flag: every partner without a decision of its own receives the profile',
  })
  shared!: boolean;

  @ApiProperty({ type: ActorView })
  by!: ActorView;

  @ApiProperty()
  at!: Date;
}

export class StartupConsentsView {
  @ApiProperty()
  startupId!: string;

  @ApiProperty({ example: 'casablanca' })
  site!: string;

  @ApiProperty({ type: SharingFlagView })
  sharingFlag!: SharingFlagView;

  @ApiProperty({
    enum: PARTNER_SCOPES,
    isArray: true,
    description: 'What a partner the startup made no decision for receives',
  })
  otherPartners!: PartnerScope[];

  @ApiProperty({ type: [PartnerConsentView], description: 'Partners the startup decided for' })
  partners!: PartnerConsentView[];
}

export class ConsentHistoryEntryView {
  @ApiPropertyOptional({ description: 'Absent for the partner-sharing flag, which spoke for every partner' })
  partnerId?: string;

  @ApiProperty({ enum: ['granted', 'revoked'] })
  change!: 'granted' | 'revoked';

  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true })
  scopes!: PartnerScope[];

  @ApiProperty({ enum: ['decision', 'partner-sharing-flag'] })
  source!: 'decision' | 'partner-sharing-flag';

  @ApiProperty({ type: ActorView })
  by!: ActorView;

  @ApiProperty()
  at!: Date;
}

export class ConsentHistoryView {
  @ApiProperty()
  startupId!: string;

  @ApiProperty({ type: [ConsentHistoryEntryView], description: 'Oldest first' })
  entries!: ConsentHistoryEntryView[];
}

export function partnerConsentView(consent: PartnerConsent): PartnerConsentView {
  return { partnerId: consent.partnerId, scopes: consent.scopes, updatedAt: consent.updatedAt };
}

export function startupConsentsView(startup: StartupEntry, consents: readonly PartnerConsent[]): StartupConsentsView {
  return {
    startupId: startup._id,
    site: startup.site,
    sharingFlag: startup.sharingFlag,
    otherPartners: scopesHeld(undefined, startup.sharingFlag),
    partners: consents.map(partnerConsentView),
  };
}

/** The flag as it stands, then every decision, oldest first. */
export function consentHistoryView(startup: StartupEntry, consents: readonly PartnerConsent[]): ConsentHistoryView {
  const flag: ConsentHistoryEntryView = {
    change: startup.sharingFlag.shared ? 'granted' : 'revoked',
    scopes: ['profile'],
    source: 'partner-sharing-flag',
    by: startup.sharingFlag.by,
    at: startup.sharingFlag.at,
  };
  const decisions = consents.flatMap((consent) =>
    consent.history.map((change) => ({ partnerId: consent.partnerId, ...change, source: 'decision' as const })),
  );
  return {
    startupId: startup._id,
    entries: [flag, ...decisions].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime()),
  };
}
