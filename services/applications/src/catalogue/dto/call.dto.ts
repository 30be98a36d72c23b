import { ApiProperty, OmitType } from '@nestjs/swagger';
import { MergePatchType } from '@technopark/platform';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsAfter, SLUG } from '../../common/validators';

export class CreateCallDto {
  @ApiProperty({ example: 'incubation-2027-spring' })
  @Matches(SLUG, { message: 'id must be a slug of lowercase letters, digits and dashes (2–80)' })
  id!: string;

  @ApiProperty({ example: 'Incubation — spring 2027 cohort' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: '2027-02-01T00:00:00.000Z' })
  @Type(() => Date)
  @IsDate({ message: 'opensAt must be an ISO 8601 date-time' })
  opensAt!: Date;

  @ApiProperty({ example: '2027-03-31T23:59:59.000Z' })
  @Type(() => Date)
  @IsDate({ message: 'closesAt must be an ISO 8601 date-time' })
  @IsAfter('opensAt')
  closesAt!: Date;

  @ApiProperty({ example: 12, description: 'How many startups the cohort takes' })
  @IsInt()
  @Min(1)
  @Max(1000)
  cohortCapacity!: number;
}

export class UpdateCallDto extends MergePatchType(OmitType(CreateCallDto, ['id'] as const)) {}
