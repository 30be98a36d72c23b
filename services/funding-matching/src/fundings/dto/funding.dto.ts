import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FUNDING_EVIDENCE_KINDS, type FundingEvidenceKind, INSTRUMENTS, type Instrument } from '@technopark/contracts';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
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

export class FundingEvidenceDto {
  @ApiProperty({ enum: FUNDING_EVIDENCE_KINDS })
  @IsIn(FUNDING_EVIDENCE_KINDS)
  kind!: FundingEvidenceKind;

  @ApiProperty({ example: 'SHA-2027-0142', description: 'A document number or link staff can check' })
  @IsString()
  @Length(3, 500)
  reference!: string;
}

export class RecordFundingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  startupId!: string;

  @ApiProperty({ example: 'plug-and-play-morocco' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'funderId must be a funder id such as plug-and-play-morocco' })
  funderId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The introduction it came from: it moves to funded' })
  @IsOptional()
  @IsUUID()
  introductionId?: string;

  @ApiProperty({ example: 800_000, description: 'MAD, whole dirhams' })
  @IsInt()
  @Min(1)
  @Max(10_000_000_000)
  amountMad!: number;

  @ApiProperty({ enum: INSTRUMENTS })
  @IsIn(INSTRUMENTS)
  instrument!: Instrument;

  @ApiProperty({ example: '2027-06-18', description: 'The day the deal closed' })
  @IsISO8601({ strict: true })
  raisedOn!: string;

  @ApiProperty({ type: FundingEvidenceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FundingEvidenceDto)
  evidence!: FundingEvidenceDto;
}
