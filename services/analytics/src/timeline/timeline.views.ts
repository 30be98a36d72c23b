import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@technopark/platform';
import { ResidencyStarted } from '@technopark/contracts';

/** One event in a startup's life, as the service that published it described it. */
export class TimelineEntryView {
  @ApiProperty({ example: '5d0c3d1e-6f6f-4c1b-9d0e-2f3a4b5c6d7e', description: 'The CloudEvents id' }) eventId!: string;
  @ApiProperty({ example: 'casablanca' }) site!: string;
  @ApiProperty({ example: ResidencyStarted.type }) type!: string;
  @ApiProperty({ example: '0b7e2f8a-2d1c-4f6e-8a9b-1c2d3e4f5a6b', description: 'The aggregate the event is about' })
  subject!: string;
  @ApiProperty({ example: '2026-10-15T10:00:00.000Z' }) time!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The event's payload (see the AsyncAPI document)",
  })
  data!: Record<string, unknown>;
}

export class RecordView extends TimelineEntryView {
  @ApiProperty({ example: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50' }) startupId!: string;
}

export class TimelinePage extends PageOf(TimelineEntryView) {}

export class RecordPage extends PageOf(RecordView) {}
