import { Inject, Injectable } from '@nestjs/common';
import { BackgroundTask, SERVICE_ENVIRONMENT } from '@technopark/platform';
import { SEED_ACTOR } from '../common/system-actors';
import type { ResidencyEnvironment } from '../config/residency.environment';
import { CapacityFollowUp } from '../residencies/capacity-follow-up';
import { siteInventory, type SiteInventory } from './seeds/site-inventory';
import { SpacesService } from './spaces.service';

/**
 * Loads the site's starting inventory, once: existing ids are left as staff changed them (or
 * retired them). Each new space is published like one staff register.
 */
@Injectable()
export class InventorySeeder extends BackgroundTask {
  private readonly inventory: SiteInventory | undefined;

  constructor(
    private readonly spaces: SpacesService,
    private readonly followUp: CapacityFollowUp,
    @Inject(SERVICE_ENVIRONMENT) environment: ResidencyEnvironment,
  ) {
    super({ name: 'inventory', intervalMs: 5_000, mode: 'once' });
    this.inventory = siteInventory(environment.SITE_ID, environment.INVENTORY_SEED_FILE);
  }

  protected override enabled(): boolean {
    if (!this.inventory)
      this.logger.log({ msg: 'no starting inventory for this site; staff register spaces over the API' });
    return this.inventory !== undefined;
  }

  protected async run(): Promise<void> {
    let created = 0;
    for (const space of (this.inventory as SiteInventory).spaces)
      if (await this.spaces.registerIfMissing(space, SEED_ACTOR)) created++;
    if (created > 0) await this.followUp.afterChange(true);
    this.logger.log({ msg: 'starting inventory loaded', spacesCreated: created });
  }
}
