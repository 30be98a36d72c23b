import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { ApplicationsEnvironment } from '../config/applications.environment';
import { SYSTEM_ACTOR } from '../common/actor-record.schema';
import { CatalogueRepository } from './catalogue.repository';
import type { Call } from './schemas/call.schema';
import type { Program } from './schemas/program.schema';
import { siteCatalogue, type SiteCatalogue } from './seeds/site-catalogue';

const RETRY_MS = 5_000;

/**
 * Loads the site's starting programs and calls, once: existing ids are left as staff changed
 * them. Runs in the background and retries while the database is away, like the rest of start-up.
 */
@Injectable()
export class CatalogueSeeder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('catalogue');
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly repository: CatalogueRepository, @Inject(SERVICE_ENVIRONMENT) private readonly environment: ApplicationsEnvironment) {}

  onApplicationBootstrap(): void {
    const catalogue = siteCatalogue(this.environment.SITE_ID, this.environment.CATALOGUE_SEED_FILE);
    if (!catalogue) return this.logger.log({ msg: 'no starting catalogue for this site; staff create programs over the API' });
    void this.seed(catalogue);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  private async seed(catalogue: SiteCatalogue): Promise<void> {
    try {
      const created = await this.insertMissing(catalogue);
      this.logger.log({ msg: 'starting catalogue loaded', programsCreated: created.programs, callsCreated: created.calls });
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn({ msg: 'starting catalogue not loaded yet; retrying', reason: (error as Error).message });
      this.retry = setTimeout(() => void this.seed(catalogue), RETRY_MS);
    }
  }

  private async insertMissing({ programs, calls }: SiteCatalogue): Promise<{ programs: number; calls: number }> {
    let programsCreated = 0;
    let callsCreated = 0;
    for (const { id, ...program } of programs) {
      if (await this.repository.insertIfMissing('program', { _id: id, description: '', ...program, createdBy: SYSTEM_ACTOR } as Program)) programsCreated++;
    }
    for (const { id, ...call } of calls) {
      if (await this.repository.insertIfMissing('call', { _id: id, ...call, createdBy: SYSTEM_ACTOR } as Call)) callsCreated++;
    }
    return { programs: programsCreated, calls: callsCreated };
  }
}
