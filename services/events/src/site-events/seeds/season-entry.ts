import { ELIGIBILITIES, type Eligibility, EVENT_KINDS, type EventKind } from '@technopark/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmptyObject,
  IsOptional,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { LocalizedTextDto } from '../dto/event.dto';

/**
 * One event of a site's season, placed relative to the day the seed is first loaded: it starts
 * `startsInDays` later at `startTime` (the site's local time), and registration opens at once.
 */
export class SeasonEntry {
  /** Stable within the site's season: the seeded event's id derives from it, so it is created once. */
  @Matches(/^[a-z0-9][a-z0-9-]{1,59}$/)
  key!: string;

  @IsIn(EVENT_KINDS)
  kind!: EventKind;

  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title!: LocalizedTextDto;

  @IsInt()
  @Min(2)
  @Max(365)
  startsInDays!: number;

  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  startTime!: string;

  @IsInt()
  @Min(1)
  @Max(72)
  durationHours!: number;

  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/)
  roomId?: string;

  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  onlineUrl?: string;

  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity!: number;

  @IsIn(ELIGIBILITIES)
  eligibility!: Eligibility;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { each: true })
  partnerIds?: string[];

  /** Published at once (its room booked), or left a draft for staff to finish. */
  @IsBoolean()
  publish!: boolean;
}

/** A site's season: validated like API input, so a bad seed stops the service. */
export class SeasonProgramme {
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SeasonEntry)
  events!: SeasonEntry[];
}
