import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROOM_TYPES, SPACE_KINDS } from '@technopark/contracts';
import { ActorView, PageOf } from '@technopark/platform';
import type { Space } from './schemas/space.schema';

/** A space as the API shows it: how much of it is in use, never who holds it internally. */
export class SpaceView {
  @ApiProperty({ example: 'b2-office-14' })
  id!: string;

  @ApiProperty({ enum: SPACE_KINDS })
  kind!: Space['kind'];

  @ApiProperty({ example: 'Office B2-14' })
  name!: string;

  @ApiPropertyOptional({ enum: ROOM_TYPES })
  roomType?: Space['roomType'];

  @ApiPropertyOptional({ example: 2 })
  floor?: number;

  @ApiProperty({ example: 42 })
  areaM2!: number;

  @ApiProperty({ example: 6 })
  seats!: number;

  @ApiProperty({ enum: ['active', 'retired'] })
  status!: Space['status'];

  @ApiPropertyOptional({ description: 'Offices: whether a startup holds it' })
  occupied?: boolean;

  @ApiPropertyOptional({ description: 'Coworking areas: positions nobody holds' })
  freePositions?: number;

  @ApiProperty({ type: ActorView })
  createdBy!: ActorView;

  @ApiPropertyOptional({ type: ActorView })
  updatedBy?: ActorView;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}

export class SpacePage extends PageOf(SpaceView) {}

export function spaceView({
  _id,
  kind,
  name,
  roomType,
  floor,
  areaM2,
  seats,
  status,
  occupant,
  freePositions,
  createdBy,
  updatedBy,
  createdAt,
  updatedAt,
}: Space): SpaceView {
  const use = kind === 'office' ? { occupied: occupant !== '' } : kind === 'coworking' ? { freePositions } : {};
  return {
    id: _id,
    kind,
    name,
    roomType,
    floor,
    areaM2,
    seats,
    status,
    ...use,
    createdBy,
    updatedBy,
    createdAt,
    updatedAt,
  };
}
