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
  /** Competitions and hackathons whose results were published, in the month they were: per kind and in all. */
  competitionsJudged: 'community.competitions-judged',
  /** Teams that won a prize, and the cash prizes' total in MAD, in the month the results were published. */
  prizesWon: 'community.prizes-won',
  prizeMoneyMad: 'community.prize-money-mad',
} as const;
