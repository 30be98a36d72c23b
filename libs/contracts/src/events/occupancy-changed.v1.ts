import { IsDecimal } from '../lib/validators';
import { Type } from 'class-transformer';
import { IsInt, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../lib/event-contract';

/** Part of a site's capacity in use. */
export class UsageV1 {
  @IsDecimal(2)
  @Min(0)
  used!: number;

  @IsDecimal(2)
  @Min(0)
  total!: number;
}

/**
 * A site's occupancy after a change: the whole picture, not a delta, so a consumer that keeps only
 * the latest event per site (a compacted topic) is always right. `version` grows with every change.
 */
export class OccupancyChangedV1 {
  @IsInt()
  @Min(1)
  version!: number;

  @ValidateNested()
  @Type(() => UsageV1)
  offices!: UsageV1;

  @ValidateNested()
  @Type(() => UsageV1)
  coworkingPositions!: UsageV1;

  /** Offices in use count whole; coworking areas count the share of their positions in use. */
  @ValidateNested()
  @Type(() => UsageV1)
  areaM2!: UsageV1;

  /** Startups that have moved in and not ended. */
  @IsInt()
  @Min(0)
  residents!: number;

  /** Allocations not moved into yet. */
  @IsInt()
  @Min(0)
  awaitingMoveIn!: number;

  @IsInt()
  @Min(0)
  waitlist!: number;
}

export const OccupancyChanged = defineEvent<OccupancyChangedV1>({
  type: 'ma.technopark.occupancy.changed.v1',
  stream: 'occupancy',
  producer: 'residency',
  aggregate: 'occupancy',
  payload: OccupancyChangedV1,
  subjectOf: () => 'occupancy',
  description:
    "The site's occupancy changed: offices, coworking positions and m² used, residents, allocations awaiting move-in, waitlist length.",
  example: {
    version: 42,
    offices: { used: 18, total: 20 },
    coworkingPositions: { used: 29, total: 35 },
    areaM2: { used: 1610.5, total: 1900 },
    residents: 38,
    awaitingMoveIn: 2,
    waitlist: 4,
  },
});
