import { ApiProperty } from '@nestjs/swagger';

export class UsageView {
  @ApiProperty({ example: 18 })
  used!: number;

  @ApiProperty({ example: 20 })
  total!: number;
}

export class OccupancyView {
  @ApiProperty({ type: UsageView })
  offices!: UsageView;

  @ApiProperty({ type: UsageView })
  coworkingPositions!: UsageView;

  @ApiProperty({
    type: UsageView,
    description: 'Offices in use count whole; coworking areas by the share of positions in use',
  })
  areaM2!: UsageView;

  @ApiProperty({ example: 38, description: 'Startups moved in and not ended' })
  residents!: number;

  @ApiProperty({ example: 2, description: 'Allocations not moved into yet' })
  awaitingMoveIn!: number;

  @ApiProperty({ example: 4 })
  waitlist!: number;
}
