import { ApiProperty } from '@nestjs/swagger';
import { EVENT_KINDS } from '@technopark/contracts';

export class HeldByKindView {
  @ApiProperty({ enum: EVENT_KINDS, example: 'workshop' }) kind!: string;
  @ApiProperty({ example: 4 }) held!: number;
}

export class AttendanceFiguresView {
  @ApiProperty({ example: 240, description: 'Registrations confirmed at the events held' }) confirmed!: number;
  @ApiProperty({ example: 187 }) checkedIn!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.779, description: 'checkedIn / confirmed' })
  rate!: number | null;
  @ApiProperty({ example: 12 }) walkIns!: number;
}

export class CompetitionFiguresView {
  @ApiProperty({ example: 2, description: 'Competitions and hackathons whose results were published in the range' })
  judged!: number;
  @ApiProperty({ example: 5, description: 'Teams that won a prize' }) prizesWon!: number;
  @ApiProperty({ example: 150000, description: 'Cash prizes won, in MAD' }) prizeMoneyMad!: number;
}

export class CommunityView {
  @ApiProperty({ example: 9, description: 'Events held in the months of the range' }) eventsHeld!: number;
  @ApiProperty({ type: [HeldByKindView], description: 'Per kind, most held first' }) byKind!: HeldByKindView[];
  @ApiProperty({ example: 310, description: 'Seats confirmed in the range (confirmed or promoted)' })
  registrations!: number;
  @ApiProperty({ type: AttendanceFiguresView }) attendance!: AttendanceFiguresView;
  @ApiProperty({ type: CompetitionFiguresView }) competitions!: CompetitionFiguresView;
}
