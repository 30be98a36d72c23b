import type { ServiceDescriptor } from '@technopark/platform';
import { FundingMatchingEnvironment } from './config/funding-matching.environment';

export const FUNDING_MATCHING_SERVICE: ServiceDescriptor<FundingMatchingEnvironment> = {
  name: 'funding-matching',
  version: '0.1.0',
  description:
    "A site's funders, explainable matches of its startups with them, introductions and the deals that follow, and the money raised.",
  environment: FundingMatchingEnvironment,
};
