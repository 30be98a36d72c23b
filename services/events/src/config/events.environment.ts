import { ServiceEnvironment } from '@technopark/platform';
import { IntegerVariable } from '@technopark/security';
import { IsOptional, IsString, MinLength, ValidateIf } from 'class-validator';

/** Variables of the events service; the README describes each one. */
export class EventsEnvironment extends ServiceEnvironment {
  override PORT = 3004;

  /**
   * Signs the check-in codes put in registrants' QR codes; rotating it voids the codes issued before.
   * Given as the value, or as a file holding it (a mounted secret): one of the two is required.
   */
  @ValidateIf((environment: EventsEnvironment) => !environment.CHECK_IN_SECRET_FILE)
  @IsString({ message: 'a secret of at least 32 characters that signs check-in codes (or set CHECK_IN_SECRET_FILE)' })
  @MinLength(32, { message: 'a secret of at least 32 characters that signs check-in codes' })
  CHECK_IN_SECRET?: string;

  /** A file holding the check-in secret, instead of CHECK_IN_SECRET. */
  @IsOptional()
  @IsString({ message: 'the path of a file holding the check-in secret' })
  CHECK_IN_SECRET_FILE?: string;

  /** A season programme to load once instead of the site's bundled one (JSON: `{ events: [...] }`). */
  @IsOptional()
  @IsString({ message: 'the path of a JSON file holding the season programme' })
  SEASON_SEED_FILE?: string;

  /** Minutes a room is held before and after each event, for setup and teardown. */
  @IntegerVariable(0, 240, 'a whole number of minutes from 0 to 240')
  ROOM_BUFFER_MINUTES = 30;

  /** Seconds between sweeps: registrations a crash left unsettled, cancellations to finish, events that ended. */
  @IntegerVariable(1, 3600, 'a whole number of seconds from 1 to 3600')
  SWEEP_INTERVAL_SECONDS = 60;
}
