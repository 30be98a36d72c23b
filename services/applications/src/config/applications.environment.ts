import { ServiceEnvironment } from '@technopark/platform';

/** Variables of the applications service; the README describes each one. */
export class ApplicationsEnvironment extends ServiceEnvironment {
  override PORT = 3001;
}
