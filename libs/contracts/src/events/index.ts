import type { EventContract } from '../lib/event-contract';
import { ApplicationSubmitted } from './application-submitted.v1';
import { StartupRegistered } from './startup-registered.v1';

export { ApplicationSubmitted, ApplicationSubmittedV1 } from './application-submitted.v1';
export { StartupRegistered, StartupRegisteredV1 } from './startup-registered.v1';
export { ActorV1, ACTOR_ROLES } from './shared/actor.v1';
export { LEGAL_FORMS, SECTORS, STAGES, type LegalForm, type Sector, type Stage } from './shared/sectors';

/** Every event type the platform publishes: the public API partners build on. */
export const PUBLISHED_EVENTS: readonly EventContract[] = [StartupRegistered, ApplicationSubmitted];
