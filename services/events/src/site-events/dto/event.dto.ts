import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ELIGIBILITIES, type Eligibility, EVENT_KINDS, type EventKind } from '@technopark/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const SPACE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

export class LocalizedTextDto {
  @ApiPropertyOptional({ example: 'Session investisseurs greentech' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  fr?: string;

  @ApiPropertyOptional({ example: 'Greentech investor session' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  en?: string;

  @ApiPropertyOptional({ example: 'جلسة المستثمرين' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  ar?: string;
}

export class LocalizedLongTextDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  fr?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  en?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  ar?: string;
}

export class SpeakerDto {
  @ApiProperty({ example: 'Salma Benjelloun' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'Plug and Play Morocco' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  affiliation?: string;
}

/** An event as staff draft it: published later, when its room is booked. */
export class CreateEventDto {
  @ApiProperty({ enum: EVENT_KINDS })
  @IsIn(EVENT_KINDS)
  kind!: EventKind;

  @ApiProperty({ type: LocalizedTextDto, description: 'In at least one of fr, en, ar' })
  @IsNotEmptyObject({ nullable: false }, { message: 'title needs at least one of fr, en, ar' })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title!: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedLongTextDto })
  @IsOptional()
  @IsNotEmptyObject({ nullable: false }, { message: 'description needs at least one of fr, en, ar' })
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  description?: LocalizedLongTextDto;

  @ApiProperty({ format: 'date-time', example: '2027-03-18T14:00:00+01:00' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2027-03-18T17:00:00+01:00' })
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiPropertyOptional({ default: 'Africa/Casablanca' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({
    description: "A room of residency's inventory; absent for an online event",
    example: 'agora-1',
  })
  @IsOptional()
  @Matches(SPACE_ID)
  roomId?: string;

  @ApiPropertyOptional({ example: 'https://meet.example.ma/pitch-day' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  onlineUrl?: string;

  @ApiProperty({ minimum: 1, maximum: 100000, example: 120 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity!: number;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  registrationOpensAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  registrationClosesAt!: string;

  @ApiProperty({ enum: ELIGIBILITIES })
  @IsIn(ELIGIBILITIES)
  eligibility!: Eligibility;

  @ApiPropertyOptional({
    description: 'The program whose cohort may register (eligibility cohort)',
    example: 'incubation',
  })
  @IsOptional()
  @Matches(SLUG)
  programId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Startup ids and person ids invited (eligibility invited)' })
  @IsOptional()
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  invitees?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Token subjects of the staff running it' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  organizers?: string[];

  @ApiPropertyOptional({ type: [SpeakerDto] })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SpeakerDto)
  speakers?: SpeakerDto[];

  @ApiPropertyOptional({ type: [String], example: ['plug-and-play-morocco'] })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(SLUG, { each: true })
  partnerIds?: string[];
}

export class PostponeEventDto {
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiProperty({ example: 'the keynote speaker moved' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class CancelEventDto {
  @ApiProperty({ example: 'room unavailable' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
