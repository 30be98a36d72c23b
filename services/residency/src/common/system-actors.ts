import type { ActorV1 } from '@technopark/contracts';

/** Changes no person made: seeding the inventory, automatic allocation, no-shows. */
export const SEED_ACTOR: ActorV1 = { id: 'inventory-seed', role: 'system' };
export const ALLOCATOR_ACTOR: ActorV1 = { id: 'residency-allocator', role: 'system' };
