import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@technopark/platform';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { INTRODUCTION_STATUSES, type IntroductionStatus } from '../domain/introduction-lifecycle';

export class IntroductionListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  startupId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'funderId must be a funder id' })
  funderId?: string;

  @ApiPropertyOptional({ enum: INTRODUCTION_STATUSES })
  @IsOptional()
  @IsIn(INTRODUCTION_STATUSES)
  status?: IntroductionStatus;
}
