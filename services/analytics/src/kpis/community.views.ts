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

export class ReachFiguresView {
  @ApiProperty({ example: '2027-Q1', description: "The quarter of the range's last month" }) quarter!: string;
  @ApiProperty({ example: 31, description: 'Startups with someone checked in at an event in the quarter' })
  startupsReached!: number;
  @ApiProperty({ example: 120, description: 'Startups in residency at some time in the quarter' }) residents!: number;
  @ApiProperty({ example: 54, description: 'Residents that attended at least one event in the quarter' })
  residentsReached!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.45, description: 'residentsReached / residents' })
  residentShare!: number | null;
}

export class CommunityView {
  @ApiProperty({ example: 9, description: 'Events held in the months of the range' }) eventsHeld!: number;
  @ApiProperty({ type: [HeldByKindView], description: 'Per kind, most held first' }) byKind!: HeldByKindView[];
  @ApiProperty({ example: 310, description: 'Seats confirmed in the range (confirmed or promoted)' })
  registrations!: number;
  @ApiProperty({ type: AttendanceFiguresView }) attendance!: AttendanceFiguresView;
  @ApiProperty({ type: ReachFiguresView }) reach!: ReachFiguresView;
  @ApiProperty({ type: CompetitionFiguresView }) competitions!: CompetitionFiguresView;
}
