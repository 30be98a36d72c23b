import type { EventContract, PartnerScope } from '@technopark/contracts';

/** One partner-facing event a site's event becomes, before any partner's consent or filters apply. */
export interface FeedItem {
  readonly scope: PartnerScope;
  readonly contract: EventContract;
  readonly payload: { readonly startupId: string; readonly site: string };
  /** The program it concerns: for the applications scope and the `programs` filter. */
  readonly programId?: string;
  /** The partner that runs the program, when the site's event names it. */
  readonly programPartnerId?: string;
}
