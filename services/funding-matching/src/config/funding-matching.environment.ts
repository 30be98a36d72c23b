import { ServiceEnvironment } from '@technopark/platform';
import { IntegerVariable } from '@technopark/security';
import { IsOptional, IsString } from 'class-validator';

/** Variables of the funding-matching service; the README describes each one. */
export class FundingMatchingEnvironment extends ServiceEnvironment {
  override PORT = 3003;

  /** Seconds between sweeps: windows opening and closing, residency months reached, raises whose introduction is not yet funded. */
  @IntegerVariable(1, 3600, 'a whole number of seconds from 1 to 3600')
  SWEEP_INTERVAL_SECONDS = 60;

  /**
   * Pairs computed and held in memory at once when many are (new funders, new weights): rows of
   * startups are taken this many pairs at a time, so memory stays bounded whatever the funder count.
   */
  @IntegerVariable(1_000, 1_000_000, 'a whole number from 1000 to 1000000')
  MATCH_BATCH_PAIRS = 25_000;

  /** A JSON file of funders to load instead of the bundled ones of the site. */
  @IsOptional()
  @IsString({ message: 'the path of a JSON file of funders' })
  FUNDERS_SEED_FILE?: string;
}
