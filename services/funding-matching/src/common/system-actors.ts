import type { FundingActorV1 } from '@technopark/contracts';

/** Changes no person made. */
export const SEED_ACTOR: FundingActorV1 = { id: 'funders-seed', role: 'system' };
export const MATCHER_ACTOR: FundingActorV1 = { id: 'funding-matcher', role: 'system' };
export const SWEEPER_ACTOR: FundingActorV1 = { id: 'funding-window-sweeper', role: 'system' };
export const PRIZE_ACTOR: FundingActorV1 = { id: 'competition-results', role: 'system' };
