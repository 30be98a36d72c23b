import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SLUG } from '../../common/validators';

export class AnswerDto {
  @ApiProperty({ example: 'What problem do you solve?' })
  @IsString()
  @Length(1, 300)
  question!: string;

  @ApiProperty({ example: 'Small farms in Souss-Massa overuse water by 30%.' })
  @IsString()
  @Length(1, 5000)
  answer!: string;
}

export class NeedsDto {
  @ApiProperty({ example: 4, description: 'Desks (coworking positions) needed' })
  @IsInt()
  @Min(0)
  @Max(100)
  desks!: number;

  @ApiProperty({ example: false, description: 'A closed office rather than coworking' })
  @IsBoolean()
  office!: boolean;

  @ApiProperty({ example: 500000, description: 'Funding sought, in MAD' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  fundingAmountMad!: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  mentoring!: boolean;
}

export class CreateApplicationDto {
  @ApiProperty({ example: 'incubation-2026-autumn' })
  @Matches(SLUG, { message: 'callId must be a call id' })
  callId!: string;

  @ApiPropertyOptional({
    description: "Staff apply on a startup's behalf; a startup token applies for itself",
    example: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
  })
  @IsOptional()
  @IsUUID()
  startupId?: string;

  @ApiProperty({ type: [AnswerDto] })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers!: AnswerDto[];

  @ApiProperty({ type: NeedsDto })
  @ValidateNested()
  @Type(() => NeedsDto)
  needs!: NeedsDto;

  @ApiProperty({ example: 'We help 2,000 farms save water with cheap soil sensors.' })
  @IsString()
  @Length(1, 10_000)
  pitch!: string;
}
