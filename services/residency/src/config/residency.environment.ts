import { ServiceEnvironment } from '@technopark/platform';

/** Variables of the residency service; the README describes each one. */
export class ResidencyEnvironment extends ServiceEnvironment {
  override PORT = 3002;
}
