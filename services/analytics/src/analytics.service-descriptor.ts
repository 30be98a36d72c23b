import type { ServiceDescriptor } from '@technopark/platform';
import { AnalyticsEnvironment } from './config/analytics.environment';

export const ANALYTICS_SERVICE: ServiceDescriptor<AnalyticsEnvironment> = {
  name: 'analytics',
  version: '0.1.0',
  description: 'Live KPIs per site and for the nation, computed from the platform events and streamed to dashboards.',
  environment: AnalyticsEnvironment,
  scopeOf: (environment) => environment.ANALYTICS_SCOPE,
  nationalSitesOf: (environment) => environment.ANALYTICS_SITES,
};
