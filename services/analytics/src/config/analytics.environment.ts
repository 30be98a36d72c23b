import { ServiceEnvironment } from '@technopark/platform';

/** Variables of the analytics service; the README describes each one. */
export class AnalyticsEnvironment extends ServiceEnvironment {
  override PORT = 3005;
}
