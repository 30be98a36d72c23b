/** Kinds of funder MITC's residents meet (DOMAIN: fundraising assistance, investor sessions, partner programs). */
export const FUNDER_KINDS = [
  'seed-fund',
  'vc-fund',
  'angel-network',
  'grant-program',
  'bank-loan-program',
  'corporate-program',
] as const;
export type FunderKind = (typeof FUNDER_KINDS)[number];

export const INSTRUMENTS = ['equity', 'grant', 'convertible', 'loan'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/** Pipeline stages after a funder accepted an introduction; `funded` and `closed` end it. */
export const DEAL_STAGES = ['meeting', 'due-diligence', 'term-sheet', 'funded', 'closed'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

export const DECLINE_REASONS = ['not-a-fit', 'too-early', 'ticket-size', 'timing', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** What proves a raise: the document staff or the startup hold. */
export const FUNDING_EVIDENCE_KINDS = [
  'signed-agreement',
  'term-sheet',
  'bank-transfer',
  'grant-decision',
  'press-release',
] as const;
export type FundingEvidenceKind = (typeof FUNDING_EVIDENCE_KINDS)[number];

/** The criteria a match's score is made of; each site weighs them. */
export const MATCH_CRITERIA = ['sector', 'stage', 'ticket', 'instrument', 'traction', 'residency'] as const;
export type MatchCriterion = (typeof MATCH_CRITERIA)[number];
