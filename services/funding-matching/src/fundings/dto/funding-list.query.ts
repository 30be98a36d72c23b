import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@technopark/platform';
import { IsOptional, IsUUID, Matches } from 'class-validator';

export class FundingListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  startupId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'funderId must be a funder id' })
  funderId?: string;
}
