import { Inject, Injectable } from '@nestjs/common';
import { BackgroundTask, SERVICE_ENVIRONMENT } from '@technopark/platform';
import { SEED_ACTOR } from '../common/system-actors';
import type { FundingMatchingEnvironment } from '../config/funding-matching.environment';
import type { CreateFunderDto } from './dto/funder.dto';
import { FundersService } from './funders.service';
import { siteFunders } from './seeds/site-funders';

/** Registers the site's starting funders once; those that exist are left as admins changed them. */
@Injectable()
export class FunderSeeder extends BackgroundTask {
  private readonly seed: CreateFunderDto[];

  constructor(
    private readonly funders: FundersService,
    @Inject(SERVICE_ENVIRONMENT) environment: FundingMatchingEnvironment,
  ) {
    super({ name: 'funders-seed', intervalMs: 5_000, mode: 'once' });
    this.seed = siteFunders(environment.SITE_ID, environment.FUNDERS_SEED_FILE);
  }

  protected override enabled(): boolean {
    if (this.seed.length === 0)
      this.logger.log({ msg: 'no starting funders cover this site; admins register them over the API' });
    return this.seed.length > 0;
  }

  protected async run(): Promise<void> {
    let created = 0;
    for (const funder of this.seed) if (await this.funders.registerIfMissing(funder, SEED_ACTOR)) created++;
    this.logger.log({ msg: 'starting funders loaded', fundersCreated: created });
  }
}
