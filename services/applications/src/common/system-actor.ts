import type { ActorV1 } from '@technopark/contracts';

/** The seed loader's actor: changes no person made. */
export const SYSTEM_ACTOR: ActorV1 = { id: 'catalogue-seed', role: 'system' };
