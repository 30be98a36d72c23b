import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

/** One criterion of a rubric, as staff define it: a committee's for a program, a jury's for a competition. */
export class RubricCriterionDto {
  @ApiProperty({ example: 'team', description: 'A short key, marked out of 10 by each scorer' })
  @Matches(/^[a-z][a-z0-9-]{0,59}$/, {
    message: 'criterion must be a short key of lowercase letters, digits and dashes',
  })
  criterion!: string;

  @ApiProperty({ example: 30, description: 'Percent of the total score' })
  @IsInt()
  @Min(1)
  @Max(100)
  weight!: number;

  @ApiPropertyOptional({ example: 'Complementary skills, commitment, track record' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string;
}
