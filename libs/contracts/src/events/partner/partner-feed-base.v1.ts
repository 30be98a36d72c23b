import { IsUUID, Matches } from 'class-validator';

/** What every partner-facing event carries: which startup, on which site. Never a person's data. */
export class PartnerStartupEventV1 {
  @IsUUID()
  startupId!: string;

  @Matches(/^[a-z][a-z0-9-]{1,39}$/)
  site!: string;
}

/** Partner-facing events travel on the partner's own delivery (webhook or `technopark.partners.<partner>`), never on a site topic. */
export const PARTNER_FEED = { stream: 'partner-feed', producer: 'partner-gateway' } as const;
