import type { ServiceDescriptor } from '@technopark/platform';
import { ApplicationsEnvironment } from './config/applications.environment';

export const APPLICATIONS_SERVICE: ServiceDescriptor<ApplicationsEnvironment> = {
  name: 'applications',
  version: '0.1.0',
  description:
    'Programs, calls, startups and the application lifecycle of a Technopark site: startups apply, staff screen, a committee scores and decides.',
  environment: ApplicationsEnvironment,
};
