import type { ServiceDescriptor } from '@technopark/platform';
import { ResidencyEnvironment } from './config/residency.environment';

export const RESIDENCY_SERVICE: ServiceDescriptor<ResidencyEnvironment> = {
  name: 'residency',
  version: '0.1.0',
  description:
    "A site's workspace: offices, coworking positions and rooms, allocation of accepted startups, waitlists, residencies and residents' reports.",
  environment: ResidencyEnvironment,
};
