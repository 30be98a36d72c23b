import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MarksOutOfTen, MAX_MARK, RubricCriterionDto, WeightsSumTo } from '@technopark/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const SUBJECT = /^[A-Za-z0-9][A-Za-z0-9._:@|-]{0,199}$/;

export class PrizeDto {
  @ApiProperty({ example: 1, description: 'The place it rewards' })
  @IsInt()
  @Min(1)
  @Max(100)
  rank!: number;

  @ApiProperty({ example: 'Grand prix' })
  @IsString()
  @Length(1, 120)
  label!: string;

  @ApiPropertyOptional({ example: 100_000, description: 'A cash prize, in MAD' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amountMad?: number;

  @ApiPropertyOptional({ example: 'plug-and-play-morocco', description: 'Who gives it, when not the site' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/)
  sponsorId?: string;
}

/** How a competition or hackathon is judged: the whole of it, replaced at each call. */
export class SetUpCompetitionDto {
  @ApiProperty({ type: [RubricCriterionDto], description: 'Weights add up to 100' })
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionDto)
  @WeightsSumTo(100)
  rubric!: RubricCriterionDto[];

  @ApiProperty({ example: ['juror-amal', 'juror-youssef'], description: 'Token subjects of the jurors' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(SUBJECT, { each: true })
  jurorIds!: string[];

  @ApiProperty({ type: [PrizeDto], description: 'One prize per rank at most' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PrizeDto)
  prizes!: PrizeDto[];
}

export class EnterTeamDto {
  @ApiProperty({ example: 'Argan Analytics' })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "A startup's team (a startup token enters its own)" })
  @IsOptional()
  @IsUUID()
  startupId?: string;

  @ApiPropertyOptional({
    example: ['person-amal', 'person-karim'],
    description: 'A group of people, each registered at the event (an individual includes themself)',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @Matches(SUBJECT, { each: true })
  memberIds?: string[];
}

export class ScoreTeamDto {
  @ApiProperty({
    example: { innovation: 8, impact: 7, pitch: 9 },
    description: `A mark out of ${MAX_MARK} per criterion of the competition's rubric`,
  })
  @IsObject()
  @MarksOutOfTen()
  marks!: Record<string, number>;

  @ApiPropertyOptional({ example: 'Convincing demo; revenue model unclear.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}

export class PublishResultsDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: "The jury's order of teams whose averages tie (every team of a tie), best first",
  })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  tieOrder?: string[];
}
