import { ServiceEnvironment } from '@technopark/platform';
import { IsIn, IsOptional, Matches } from 'class-validator';

export const ANALYTICS_SCOPES = ['site', 'national'] as const;

/** Variables of the analytics service; the README describes each one. */
export class AnalyticsEnvironment extends ServiceEnvironment {
  override PORT = 3005;

  /** `site`: the KPIs of SITE_ID from its own topics. `national`: every site's topics, by pattern (run it with SITE_ID=national). */
  @IsIn(ANALYTICS_SCOPES, { message: `ANALYTICS_SCOPE must be one of ${ANALYTICS_SCOPES.join(', ')}` })
  ANALYTICS_SCOPE: (typeof ANALYTICS_SCOPES)[number] = 'site';

  /** National scope: the site ids to read, e.g. `rabat|tangier|agadir` (a region); every site when unset. */
  @IsOptional()
  @Matches(/^[a-z0-9|()[\]{},*+?.^$\\-]{1,500}$/, {
    message: 'ANALYTICS_SITES must be site ids joined by | (a regular expression over site ids)',
  })
  ANALYTICS_SITES?: string;
}
