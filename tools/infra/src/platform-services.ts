/** The services `npm start` runs, with their default ports (also their PORT defaults). */
export const PLATFORM_SERVICES = [
  { name: 'applications', port: 3001 },
  { name: 'residency', port: 3002 },
  { name: 'funding-matching', port: 3003 },
  { name: 'events', port: 3004 },
  { name: 'analytics', port: 3005 },
] as const;

export const DEFAULT_SITE = 'casablanca';
