import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsString, Length, ValidateIf } from 'class-validator';

/** Where a replay starts: a time, or just after one site event. One of the two. */
export class ReplayDto {
  @ApiPropertyOptional({
    example: '2026-11-01T00:00:00Z',
    description: 'Every event that happened at or after this time',
  })
  @ValidateIf((replay: ReplayDto) => replay.afterEventId === undefined)
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 time (or give afterEventId)' })
  from?: string;

  @ApiPropertyOptional({
    description: 'Every event the gateway read after this one (a CloudEvents id, as in sourceEventId)',
  })
  @ValidateIf((replay: ReplayDto) => replay.from === undefined)
  @IsString({ message: 'afterEventId must be an event id (or give from)' })
  @Length(1, 200)
  afterEventId?: string;
}

export class ReplayView {
  @ApiProperty({ description: 'Marks the deliveries it queued (replayId in the delivery log)' })
  replayId!: string;

  @ApiProperty({ description: 'Records of the feed log read' })
  scanned!: number;

  @ApiProperty({ description: "Deliveries queued: what today's consent and filters allow" })
  queued!: number;
}
