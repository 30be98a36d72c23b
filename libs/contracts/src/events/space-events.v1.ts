import { IsDecimal } from '../lib/validators';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../lib/event-contract';
import { ActorV1 } from './shared/actor.v1';
import { ROOM_TYPES, type RoomType, SPACE_KINDS, type SpaceKind } from './shared/sectors';

/** A space of a site as its inventory describes it. */
export class SpaceRegisteredV1 {
  @IsString()
  @Length(1, 80)
  spaceId!: string;

  @IsIn(SPACE_KINDS)
  kind!: SpaceKind;

  @IsString()
  @Length(1, 200)
  name!: string;

  /** Rooms only: what the room is for. */
  @IsOptional()
  @IsIn(ROOM_TYPES)
  roomType?: RoomType;

  @IsOptional()
  @IsInt()
  @Min(-5)
  @Max(100)
  floor?: number;

  @IsDecimal(2)
  @Min(0)
  areaM2!: number;

  /** Desks of an office, positions of a coworking area, people a room holds. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  seats!: number;

  @ValidateNested()
  @Type(() => ActorV1)
  actor!: ActorV1;
}

const SPACE_FIELDS = ['name', 'roomType', 'floor', 'areaM2', 'seats'] as const;

/** A space after a change: the whole description and which fields changed. */
export class SpaceUpdatedV1 extends SpaceRegisteredV1 {
  @ArrayMinSize(1)
  @IsIn(SPACE_FIELDS, { each: true })
  changedFields!: (typeof SPACE_FIELDS)[number][];
}

/** A space taken out of the inventory (it is no longer offered; its history stays). */
export class SpaceRetiredV1 {
  @IsString()
  @Length(1, 80)
  spaceId!: string;

  @IsIn(SPACE_KINDS)
  kind!: SpaceKind;

  @ValidateNested()
  @Type(() => ActorV1)
  actor!: ActorV1;
}

const office = {
  spaceId: 'b2-office-14',
  kind: 'office' as const,
  name: 'Office B2-14',
  floor: 2,
  areaM2: 42,
  seats: 6,
  actor: { id: 'staff-12', role: 'site-staff' as const },
};

export const SpaceRegistered = defineEvent<SpaceRegisteredV1>({
  type: 'ma.technopark.space.registered.v1',
  stream: 'spaces',
  producer: 'residency',
  aggregate: 'space',
  payload: SpaceRegisteredV1,
  subjectOf: (event) => event.spaceId,
  description: "A space was added to the site's inventory (office, coworking area or room).",
  example: office,
});

export const SpaceUpdated = defineEvent<SpaceUpdatedV1>({
  type: 'ma.technopark.space.updated.v1',
  stream: 'spaces',
  producer: 'residency',
  aggregate: 'space',
  payload: SpaceUpdatedV1,
  subjectOf: (event) => event.spaceId,
  description: 'A space changed (name, floor, area, seats…); carries the whole description.',
  example: { ...office, seats: 8, changedFields: ['seats'] },
});

export const SpaceRetired = defineEvent<SpaceRetiredV1>({
  type: 'ma.technopark.space.retired.v1',
  stream: 'spaces',
  producer: 'residency',
  aggregate: 'space',
  payload: SpaceRetiredV1,
  subjectOf: (event) => event.spaceId,
  description: 'A space is no longer offered.',
  example: { spaceId: 'b2-office-14', kind: 'office', actor: { id: 'staff-12', role: 'site-staff' } },
});
