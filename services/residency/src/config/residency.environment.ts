import { ServiceEnvironment } from '@technopark/platform';
import { IntegerVariable } from '@technopark/security';
import { IsOptional, IsString } from 'class-validator';

/** Variables of the residency service; the README describes each one. */
export class ResidencyEnvironment extends ServiceEnvironment {
  override PORT = 3002;

  /** Days an accepted startup has to move in before its allocation goes to the waitlist. */
  @IntegerVariable(1, 180, 'a whole number of days from 1 to 180')
  MOVE_IN_DAYS = 30;

  /** Seconds between sweeps: no-shows, claims left by interrupted work, waitlist, occupancy. */
  @IntegerVariable(1, 3600, 'a whole number of seconds from 1 to 3600')
  SWEEP_INTERVAL_SECONDS = 60;

  /** A JSON inventory (spaces) to load instead of the bundled one of the site. */
  @IsOptional()
  @IsString({ message: 'the path of a JSON inventory file' })
  INVENTORY_SEED_FILE?: string;
}
