import type { MatchWeights } from './match-inputs';

/** The weights a site starts with, until its staff set their own (version 1). */
export const DEFAULT_WEIGHTS: MatchWeights = {
  version: 1,
  threshold: 60,
  weights: { sector: 25, stage: 20, ticket: 20, instrument: 15, traction: 10, residency: 10 },
};
