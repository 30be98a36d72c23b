import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECLINE_REASONS, type DeclineReason } from '@technopark/contracts';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export class RequestIntroductionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  startupId!: string;

  @ApiProperty({ example: 'plug-and-play-morocco' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'funderId must be a funder id such as plug-and-play-morocco' })
  funderId!: string;

  @ApiPropertyOptional({ example: 'We would like to present our Q3 traction at the next investor session' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class IntroductionNoteDto {
  @ApiPropertyOptional({ example: 'First call held on 12 January' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class DeclineIntroductionDto extends IntroductionNoteDto {
  @ApiProperty({ enum: DECLINE_REASONS })
  @IsIn(DECLINE_REASONS)
  reason!: DeclineReason;
}
