import type { EventActorV1 } from '@technopark/contracts';

/** The service itself, for what it does on its own: promotions, completions, cancellations it carries on. */
export const EVENTS_SYSTEM_ACTOR: EventActorV1 = { id: 'events', role: 'system' };
export const SEASON_SEED_ACTOR: EventActorV1 = { id: 'season-seed', role: 'system' };
