import { IntegerVariable } from '@technopark/security';
import { ServiceEnvironment } from '@technopark/platform';
import { IsOptional, IsString } from 'class-validator';

/** Variables of the applications service; the README describes each one. */
export class ApplicationsEnvironment extends ServiceEnvironment {
  override PORT = 3001;

  /** Committee scores an application needs before staff may decide on it. */
  @IntegerVariable(1, 20, 'a whole number of committee scores from 1 to 20')
  DECISION_MINIMUM_SCORES = 2;

  /** A JSON catalogue (programs and calls) to load instead of the bundled one of the site. */
  @IsOptional()
  @IsString({ message: 'the path of a JSON catalogue file' })
  CATALOGUE_SEED_FILE?: string;
}
