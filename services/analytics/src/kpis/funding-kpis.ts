/** The funding figures analytics keeps, from funding matching's events. */
export const FUNDING_KPIS = {
  raisedMad: 'funding.raised-mad',
  deals: 'funding.deals',
  cohortRaisedMad: 'funding.cohort-raised-mad',
  cohortDeals: 'funding.cohort-deals',
  introductionsRequested: 'funding.introductions-requested',
  introductionsAccepted: 'funding.introductions-accepted',
  introductionsFunded: 'funding.introductions-funded',
  dealsClosed: 'funding.deals-closed',
  daysToFunding: 'funding.days-to-funding',
  /** Startups that had a qualified match while in residency (counted once each): `latest`. */
  matchedResidents: 'funding.matched-residents',
} as const;
