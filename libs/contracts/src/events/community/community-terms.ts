/** What a site holds for its community. */
export const EVENT_KINDS = [
  'workshop',
  'training',
  'hackathon',
  'competition',
  'investor-session',
  'demo-day',
  'networking',
  'open-day',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The languages a site publishes its events in. */
export const EVENT_LANGUAGES = ['fr', 'en', 'ar'] as const;
export type EventLanguage = (typeof EVENT_LANGUAGES)[number];

/** Who may register: anyone, the site's residents, one program's cohort, or invited guests only. */
export const ELIGIBILITIES = ['public', 'residents', 'cohort', 'invited'] as const;
export type Eligibility = (typeof ELIGIBILITIES)[number];

/** A startup registers a number of its members; a person registers themself. */
export const REGISTRANT_KINDS = ['startup', 'individual'] as const;
export type RegistrantKind = (typeof REGISTRANT_KINDS)[number];

/** Why a registration ended before the event. */
export const REGISTRATION_CANCEL_REASONS = ['registrant', 'staff', 'event-cancelled'] as const;
export type RegistrationCancelReason = (typeof REGISTRATION_CANCEL_REASONS)[number];

/** Event and registration ids: UUIDs the service assigns. */
export const EVENT_ID_FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
