import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FUNDER_KINDS,
  type FunderKind,
  INSTRUMENTS,
  type Instrument,
  SECTORS,
  type Sector,
  STAGES,
  type Stage,
} from '@technopark/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsObject,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const SLUG_MESSAGE = 'must be a slug of lowercase letters, digits and dashes (1–80)';

export class FunderRequirementsDto {
  @ApiProperty({ description: 'Only registered companies (tpe, sme, startup-company)', example: true })
  @IsBoolean()
  incorporated!: boolean;

  @ApiPropertyOptional({
    description: 'Yearly revenue, MAD (the latest quarter × 4 stands for it)',
    example: 1_000_000,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000_000)
  minRevenueMad?: number;

  @ApiPropertyOptional({ example: 5 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  minHeadcount?: number;

  @ApiPropertyOptional({ example: 6 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  minResidencyMonths?: number;

  @ApiPropertyOptional({ description: 'Only residents and graduates of this program', example: 'acceleration' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  alumniOfProgram?: string;
}

export class FundingWindowDto {
  @ApiProperty({ example: '2027-spring' })
  @Matches(SLUG, { message: `windowId ${SLUG_MESSAGE}` })
  windowId!: string;

  @ApiProperty({ example: '2027-03-01', description: 'First day open' })
  @IsISO8601({ strict: true })
  opensOn!: string;

  @ApiProperty({ example: '2027-04-30', description: 'Last day open' })
  @IsISO8601({ strict: true })
  closesOn!: string;
}

export class FunderContactDto {
  @ApiProperty({ example: 'Salma Berrada' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'salma@fund.example' })
  @IsEmail()
  @Length(3, 200)
  email!: string;
}

export class CreateFunderDto {
  @ApiProperty({ example: 'plug-and-play-morocco' })
  @Matches(SLUG, { message: `funderId ${SLUG_MESSAGE}` })
  funderId!: string;

  @ApiProperty({ example: 'Plug and Play Morocco' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: FUNDER_KINDS })
  @IsIn(FUNDER_KINDS)
  kind!: FunderKind;

  @ApiProperty({ enum: SECTORS, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(SECTORS.length)
  @ArrayUnique()
  @IsIn(SECTORS, { each: true })
  sectors!: Sector[];

  @ApiProperty({ enum: STAGES, isArray: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(STAGES, { each: true })
  stages!: Stage[];

  @ApiProperty({ example: 200_000 })
  @IsInt()
  @Min(0)
  @Max(10_000_000_000)
  ticketMinMad!: number;

  @ApiProperty({ example: 1_500_000 })
  @IsInt()
  @Min(1)
  @Max(10_000_000_000)
  ticketMaxMad!: number;

  @ApiProperty({ enum: INSTRUMENTS, isArray: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(INSTRUMENTS, { each: true })
  instruments!: Instrument[];

  @ApiProperty({ example: ['casablanca', 'rabat'], description: 'The sites it covers; this site must be one' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { each: true, message: 'each site must be a site id such as casablanca' })
  sites!: string[];

  @ApiProperty({ type: FunderRequirementsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FunderRequirementsDto)
  requirements!: FunderRequirementsDto;

  @ApiProperty({ type: [FundingWindowDto], description: 'None: it takes applications all year' })
  @ArrayMaxSize(20)
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FundingWindowDto)
  windows!: FundingWindowDto[];

  @ApiPropertyOptional({ example: 'plug-and-play' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  partnerId?: string;

  @ApiPropertyOptional({ type: FunderContactDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FunderContactDto)
  contact?: FunderContactDto;
}
