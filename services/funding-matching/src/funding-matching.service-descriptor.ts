import type { ServiceDescriptor } from '@technopark/platform';
import { FundingMatchingEnvironment } from './config/funding-matching.environment';

export const FUNDING_MATCHING_SERVICE: ServiceDescriptor<FundingMatchingEnvironment> = {
  name: 'funding-matching',
  version: '0.1.0',
  description: 'Matches resident startups with funding programs and investors.',
  environment: FundingMatchingEnvironment,
};
