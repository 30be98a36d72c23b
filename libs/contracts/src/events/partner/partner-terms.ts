/**
 * What a startup can share with one partner program, scope by scope. `profile` is its public
 * profile; `applications` only its applications to that partner's own programs.
 */
export const PARTNER_SCOPES = ['profile', 'applications', 'residency', 'reports', 'funding', 'events'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

/** A partner program's id, as in the `partner_id` claim of its tokens. */
export const PARTNER_ID_FORMAT = /^[a-z0-9][a-z0-9-]{1,59}$/;
