import { Injectable, Logger } from '@nestjs/common';
import { OccupancyService } from '../occupancy/occupancy.service';
import { AllocationService } from './allocation.service';

/**
 * What follows any change of capacity or occupancy: freed space goes to the waitlist, then the
 * new occupancy is published. A failure here is logged and left to the sweep, which runs the same
 * steps, because the change that triggered it is already committed.
 */
@Injectable()
export class CapacityFollowUp {
  private readonly logger = new Logger('capacity');

  constructor(
    private readonly allocation: AllocationService,
    private readonly occupancy: OccupancyService,
  ) {}

  async afterChange(spaceMayHaveFreed: boolean): Promise<void> {
    try {
      if (spaceMayHaveFreed) await this.allocation.allocateFromWaitlist();
      await this.occupancy.refresh();
    } catch (error) {
      this.logger.warn({
        msg: 'follow-up of a capacity change failed; the next sweep completes it',
        reason: (error as Error).message,
      });
    }
  }
}
