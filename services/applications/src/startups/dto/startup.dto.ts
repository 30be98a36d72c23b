import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MergePatchType } from '@technopark/platform';
import { LEGAL_FORMS, type LegalForm, SECTORS, type Sector, STAGES, type Stage } from '@technopark/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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

export class FounderDto {
  @ApiProperty({ example: 'Salma Bennani' })
  @IsString()
  @Length(1, 200)
  fullName!: string;

  @ApiProperty({ example: 'salma@souss-agritech.ma' })
  @IsEmail()
  email!: string;

  @ApiPropertyOptional({ example: '+212600000000' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be a phone number such as +212600000000' })
  phone?: string;
}

export class RegisterStartupDto {
  @ApiProperty({ example: 'Souss Agritech' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: LEGAL_FORMS, example: 'tpe' })
  @IsIn(LEGAL_FORMS)
  legalForm!: LegalForm;

  @ApiProperty({
    example: '2024-03-11',
    description: 'Founding date (YYYY-MM-DD); a project holder gives the project start',
  })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'foundedOn must be a date such as 2024-03-11' })
  foundedOn!: string;

  @ApiProperty({ enum: SECTORS, isArray: true, example: ['agritech', 'ai'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(SECTORS, { each: true })
  sectors!: Sector[];

  @ApiProperty({ enum: STAGES, example: 'mvp' })
  @IsIn(STAGES)
  stage!: Stage;

  @ApiProperty({ example: 4 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  teamSize!: number;

  @ApiProperty({ type: [FounderDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FounderDto)
  founders!: FounderDto[];

  @ApiPropertyOptional({ example: 'Soil sensors and irrigation advice for small farms in Souss-Massa' })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  description?: string;

  @ApiProperty({ example: true, description: 'Whether partner programs may see the public profile' })
  @IsBoolean()
  partnerSharingConsent!: boolean;
}

/** A merge patch of the profile: null removes an optional field (description, website…). */
export class UpdateStartupDto extends MergePatchType(RegisterStartupDto) {}
