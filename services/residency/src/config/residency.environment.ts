import { ServiceEnvironment } from '@technopark/platform';
import { IntegerVariable } from '@technopark/security';

/** Variables of the residency service; the README describes each one. */
export class ResidencyEnvironment extends ServiceEnvironment {
  override PORT = 3002;

  /** Days an accepted startup has to move in before its allocation goes to the waitlist. */
  @IntegerVariable(1, 180, 'a whole number of days from 1 to 180')
  MOVE_IN_DAYS = 30;
}
