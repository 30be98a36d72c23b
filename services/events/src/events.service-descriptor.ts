import type { ServiceDescriptor } from '@technopark/platform';
import { EventsEnvironment } from './config/events.environment';

export const EVENTS_SERVICE: ServiceDescriptor<EventsEnvironment> = {
  name: 'events',
  version: '0.1.0',
  description: "Workshops, hackathons, competitions and investor sessions held in a site's rooms.",
  environment: EventsEnvironment,
};
