import { Type } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsIn, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { defineEvent } from '../../lib/event-contract';
import { ActorV1 } from '../shared/actor.v1';
import { PARTNER_ID_FORMAT, PARTNER_SCOPES, type PartnerScope } from './partner-terms';

/** One change of what a startup shares with one partner program, with who made it. */
export class PartnerConsentChangeV1 {
  @IsUUID()
  startupId!: string;

  /** The site the startup belongs to. */
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,39}$/)
  site!: string;

  @Matches(PARTNER_ID_FORMAT)
  partnerId!: string;

  /** The scopes this change granted, or revoked. */
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PARTNER_SCOPES, { each: true })
  scopes!: PartnerScope[];

  /** Every scope the partner holds for this startup after the change. */
  @ArrayUnique()
  @IsIn(PARTNER_SCOPES, { each: true })
  holds!: PartnerScope[];

  /** The startup, staff on its behalf, or `system` for consent carried over from the former partner-sharing flag. */
  @ValidateNested()
  @Type(() => ActorV1)
  actor!: ActorV1;
}

const example: PartnerConsentChangeV1 = {
  startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
  site: 'casablanca',
  partnerId: 'plug-and-play',
  scopes: ['applications', 'residency'],
  holds: ['profile', 'applications', 'residency'],
  actor: { id: 'user-7f3a', role: 'startup' },
};

export const PartnerConsentGranted = defineEvent<PartnerConsentChangeV1>({
  type: 'ma.technopark.partner-consent.granted.v1',
  stream: 'partner-consents',
  producer: 'partner-gateway',
  aggregate: 'partner-consent',
  payload: PartnerConsentChangeV1,
  subjectOf: (event) => `${event.startupId}:${event.partnerId}`,
  description: 'A startup let one partner program receive its events of some scopes.',
  example,
});

export const PartnerConsentRevoked = defineEvent<PartnerConsentChangeV1>({
  type: 'ma.technopark.partner-consent.revoked.v1',
  stream: 'partner-consents',
  producer: 'partner-gateway',
  aggregate: 'partner-consent',
  payload: PartnerConsentChangeV1,
  subjectOf: (event) => `${event.startupId}:${event.partnerId}`,
  description:
    'A startup stopped sharing some scopes with one partner program: nothing of those scopes is delivered after it.',
  example: { ...example, scopes: ['residency'], holds: ['profile', 'applications'] },
});
