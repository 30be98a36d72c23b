import { ServiceEnvironment } from '@technopark/platform';

/** Variables of the funding-matching service; the README describes each one. */
export class FundingMatchingEnvironment extends ServiceEnvironment {
  override PORT = 3003;
}
