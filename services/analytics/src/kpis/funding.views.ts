import { ApiProperty } from '@nestjs/swagger';

export class RaisedSliceView {
  @ApiProperty({
    example: 'agritech',
    description: 'The sector, instrument, quarter (YYYY-Qn) or cohort month (YYYY-MM)',
  })
  key!: string;
  @ApiProperty({ example: 1_250_000, description: 'MAD' }) raisedMad!: number;
  @ApiProperty({ example: 2 }) deals!: number;
}

export class IntroductionFlowView {
  @ApiProperty({ example: 12 }) requested!: number;
  @ApiProperty({ example: 7 }) accepted!: number;
  @ApiProperty({ example: 2 }) funded!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.583, description: 'accepted / requested' })
  acceptanceRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 0.167, description: 'funded / requested' })
  fundedRate!: number | null;
}

export class DaysToFundingView {
  @ApiProperty({ type: Number, nullable: true, example: 96 }) median!: number | null;
  @ApiProperty({ example: 2 }) raises!: number;
}

export class FundingView {
  @ApiProperty({ example: 2_400_000, description: 'MAD raised by deals that closed in the months of the range' })
  raisedMad!: number;
  @ApiProperty({ example: 3 }) deals!: number;
  @ApiProperty({
    type: [RaisedSliceView],
    description: "Per sector (the startup's sectors when it raised), largest first",
  })
  bySector!: RaisedSliceView[];
  @ApiProperty({ type: [RaisedSliceView] }) byInstrument!: RaisedSliceView[];
  @ApiProperty({ type: [RaisedSliceView], description: 'Per calendar quarter of the range' })
  byQuarter!: RaisedSliceView[];
  @ApiProperty({
    type: [RaisedSliceView],
    description: 'Everything each cohort (month its residencies started) raised',
  })
  byCohort!: RaisedSliceView[];
  @ApiProperty({ type: IntroductionFlowView }) introductions!: IntroductionFlowView;
  @ApiProperty({ type: DaysToFundingView, description: 'Days from an introduction to its money' })
  daysToFunding!: DaysToFundingView;
  @ApiProperty({ example: 9, description: 'Residents that had a qualified match while in residency' })
  matchedResidents!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.31, description: 'matchedResidents / residents now' })
  matchedResidentShare!: number | null;
}
