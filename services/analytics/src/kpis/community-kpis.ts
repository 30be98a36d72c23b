/** The community figures analytics keeps, from the events service's events. */
export const COMMUNITY_KPIS = {
  /** Events held, in the month they started: per kind (`kind:<kind>`) and in all. */
  eventsHeld: 'community.events-held',
  /** Seats confirmed (a registration confirmed or promoted), in the month it was. */
  registrations: 'community.registrations',
  /** At the events held: registrations confirmed, those checked in, and walk-ins. */
  confirmedAtHeld: 'community.confirmed-at-held',
  checkedInAtHeld: 'community.checked-in-at-held',
  walkInsAtHeld: 'community.walk-ins-at-held',
} as const;
