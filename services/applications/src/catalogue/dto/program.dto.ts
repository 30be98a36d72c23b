import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { MergePatchType, RubricCriterionDto, WeightsSumTo } from '@technopark/platform';
import { PROGRAM_KINDS, type ProgramKind, SECTORS, type Sector } from '@technopark/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SLUG } from '../../common/validators';

export class CreateProgramDto {
  @ApiProperty({ example: 'greentech-incubation', description: 'A slug: lowercase letters, digits, dashes' })
  @Matches(SLUG, { message: 'id must be a slug of lowercase letters, digits and dashes (2–80)' })
  id!: string;

  @ApiProperty({ example: 'Greentech incubation' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: PROGRAM_KINDS, example: 'incubation' })
  @IsIn(PROGRAM_KINDS)
  kind!: ProgramKind;

  @ApiPropertyOptional({ example: '18 months of support for greentech startups' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiProperty({ enum: SECTORS, isArray: true, example: ['greentech', 'agritech'] })
  @ArrayMaxSize(SECTORS.length)
  @IsIn(SECTORS, { each: true })
  targetSectors!: Sector[];

  @ApiProperty({ example: 18 })
  @IsInt()
  @Min(1)
  @Max(60)
  durationMonths!: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  includesWorkspace!: boolean;

  @ApiPropertyOptional({ example: 'plug-and-play', description: 'The partner program running it' })
  @IsOptional()
  @Matches(SLUG, { message: 'partnerId must be a slug' })
  partnerId?: string;

  @ApiProperty({ type: [RubricCriterionDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionDto)
  @WeightsSumTo(100)
  rubric!: RubricCriterionDto[];
}

/** A merge patch: null removes an optional field (description, partnerId). */
export class UpdateProgramDto extends MergePatchType(OmitType(CreateProgramDto, ['id'] as const)) {}
