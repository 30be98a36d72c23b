export interface PlatformInstance {
  /** The service (its build is `dist/services/<name>`). */
  readonly name: string;
  /** How the logs and the summary call this instance, when a service runs twice. */
  readonly instance?: string;
  readonly port: number;
  /** Variables of this instance only; `SITE_ID` here overrides the site's. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * What `npm start` runs: the five services of a site on their default ports (also their PORT
 * defaults), and a national analytics instance reading every site's topics, as MITC runs it.
 */
export const PLATFORM_SERVICES: readonly PlatformInstance[] = [
  { name: 'applications', port: 3001 },
  { name: 'residency', port: 3002 },
  { name: 'funding-matching', port: 3003 },
  { name: 'events', port: 3004 },
  { name: 'analytics', port: 3005 },
  {
    name: 'analytics',
    instance: 'analytics-national',
    port: 3015,
    env: { SITE_ID: 'national', ANALYTICS_SCOPE: 'national' },
  },
];

export const instanceName = (service: PlatformInstance): string => service.instance ?? service.name;

export const DEFAULT_SITE = 'casablanca';
