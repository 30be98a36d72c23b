import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESIDENCY_OUTCOMES, type ResidencyOutcome } from '@technopark/contracts';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

const SPACE_ID = /^[a-z0-9][a-z0-9-]{1,79}$/;

export class StartResidencyDto {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'Move-in date; today when absent. Not in the future.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startedOn must be a calendar date YYYY-MM-DD' })
  startedOn?: string;
}

export class ExtendResidencyDto {
  @ApiProperty({ example: 6, minimum: 1, maximum: 36 })
  @IsInt()
  @Min(1)
  @Max(36)
  months!: number;
}

/** Outcomes staff record; `no-show` is set by the service itself when the move-in deadline passes. */
export const STAFF_OUTCOMES = RESIDENCY_OUTCOMES.filter((outcome) => outcome !== 'no-show');

export class EndResidencyDto {
  @ApiProperty({
    enum: STAFF_OUTCOMES,
    description: 'graduated, left, failed, relocated end a stay; declined, withdrawn end an allocation or a wait',
  })
  @IsIn(STAFF_OUTCOMES)
  outcome!: Exclude<ResidencyOutcome, 'no-show'>;

  @ApiPropertyOptional({ example: '2028-06-01', description: 'Today when absent' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endedOn must be a calendar date YYYY-MM-DD' })
  endedOn?: string;

  @ApiPropertyOptional({ example: 'raised a seed round and moved to larger premises' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class DeclineResidencyDto {
  @ApiPropertyOptional({ example: 'found premises closer to our customers' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class MoveResidencyDto {
  @ApiProperty({ example: 'b2-office-14' })
  @Matches(SPACE_ID, { message: 'spaceId must be the id of a space of the site' })
  spaceId!: string;
}

export class AllocateResidencyDto {
  @ApiPropertyOptional({
    example: 'b2-office-14',
    description: 'The space to give; by the allocation rule when absent',
  })
  @IsOptional()
  @Matches(SPACE_ID, { message: 'spaceId must be the id of a space of the site' })
  spaceId?: string;
}

export class WaitlistPositionDto {
  @ApiProperty({ example: 1, minimum: 1, description: '1 is the head of the waitlist; beyond the end means last' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  position!: number;
}
