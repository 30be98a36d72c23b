import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MarksOutOfTen, MAX_MARK } from '@technopark/platform';
import { IsIn, IsObject, IsOptional, IsString, Length } from 'class-validator';

export class ScoreApplicationDto {
  @ApiProperty({
    example: { team: 8, market: 6, innovation: 7, feasibility: 5 },
    description: `A mark out of ${MAX_MARK} per criterion of the program's rubric`,
  })
  @IsObject()
  @MarksOutOfTen()
  marks!: Record<string, number>;

  @ApiPropertyOptional({ example: 'Strong team; go-to-market still vague.' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  comment?: string;
}

export const OUTCOMES = ['accepted', 'rejected', 'waitlisted'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export class DecideApplicationDto {
  @ApiProperty({ enum: OUTCOMES, example: 'accepted' })
  @IsIn(OUTCOMES)
  outcome!: Outcome;

  @ApiProperty({ example: 'Scores above the cohort threshold; strong team.' })
  @IsString()
  @Length(3, 2000)
  reason!: string;
}
