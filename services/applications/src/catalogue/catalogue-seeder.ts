import { Inject, Injectable } from '@nestjs/common';
import { BackgroundTask, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { ApplicationsEnvironment } from '../config/applications.environment';
import { SYSTEM_ACTOR } from '../common/system-actor';
import { CatalogueRepository } from './catalogue.repository';
import type { Call } from './schemas/call.schema';
import type { Program } from './schemas/program.schema';
import { siteCatalogue, type SiteCatalogue } from './seeds/site-catalogue';

/**
 * Loads the site's starting programs and calls, once: existing ids are left as staff changed
 * them. Runs in the background and retries while the database is away, like the rest of start-up.
 */
@Injectable()
export class CatalogueSeeder extends BackgroundTask {
  private readonly catalogue: SiteCatalogue | undefined;

  constructor(
    private readonly repository: CatalogueRepository,
    @Inject(SERVICE_ENVIRONMENT) environment: ApplicationsEnvironment,
  ) {
    super({ name: 'catalogue', intervalMs: 5_000, mode: 'once' });
    this.catalogue = siteCatalogue(environment.SITE_ID, environment.CATALOGUE_SEED_FILE);
  }

  protected override enabled(): boolean {
    if (!this.catalogue)
      this.logger.log({ msg: 'no starting catalogue for this site; staff create programs over the API' });
    return this.catalogue !== undefined;
  }

  protected async run(): Promise<void> {
    const created = await this.insertMissing(this.catalogue as SiteCatalogue);
    this.logger.log({
      msg: 'starting catalogue loaded',
      programsCreated: created.programs,
      callsCreated: created.calls,
    });
  }

  private async insertMissing({ programs, calls }: SiteCatalogue): Promise<{ programs: number; calls: number }> {
    let programsCreated = 0;
    let callsCreated = 0;
    for (const { id, ...program } of programs) {
      if (
        await this.repository.insertIfMissing('program', {
          _id: id,
          description: '',
          ...program,
          createdBy: SYSTEM_ACTOR,
        } as Program)
      )
        programsCreated++;
    }
    for (const { id, ...call } of calls) {
      if (await this.repository.insertIfMissing('call', { _id: id, ...call, createdBy: SYSTEM_ACTOR } as Call))
        callsCreated++;
    }
    return { programs: programsCreated, calls: callsCreated };
  }
}
