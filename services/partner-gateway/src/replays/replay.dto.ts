import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorView } from '@technopark/platform';
import { IsISO8601, IsString, Length, ValidateIf } from 'class-validator';
import { REPLAY_STATES, type Replay, type ReplayState } from './schemas/replay.schema';

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

  @ApiProperty()
  subscriptionId!: string;

  @ApiProperty({ enum: REPLAY_STATES, description: 'running until the feed log is read to its end' })
  state!: ReplayState;

  @ApiPropertyOptional()
  from?: Date;

  @ApiPropertyOptional()
  afterEventId?: string;

  @ApiProperty({ description: 'Records of the feed log read so far' })
  scanned!: number;

  @ApiProperty({ description: "Deliveries queued so far: what today's consent and filters allow" })
  queued!: number;

  @ApiProperty({ type: ActorView })
  requestedBy!: ActorView;

  @ApiProperty()
  startedAt!: Date;

  @ApiPropertyOptional()
  finishedAt?: Date;

  @ApiPropertyOptional({ description: 'Why it failed' })
  reason?: string;
}

export function replayView(replay: Replay): ReplayView {
  return {
    replayId: replay._id,
    subscriptionId: replay.subscriptionId,
    state: replay.state,
    ...(replay.from && { from: replay.from }),
    ...(replay.afterEventId && { afterEventId: replay.afterEventId }),
    scanned: replay.scanned,
    queued: replay.queued,
    requestedBy: replay.requestedBy,
    startedAt: replay.createdAt,
    ...(replay.finishedAt && { finishedAt: replay.finishedAt }),
    ...(replay.reason && { reason: replay.reason }),
  };
}
