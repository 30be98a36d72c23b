import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@technopark/platform';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { RESIDENCY_STATUSES, type ResidencyStatus } from '../domain/residency-lifecycle';

export class ResidencyListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RESIDENCY_STATUSES })
  @IsOptional()
  @IsIn(RESIDENCY_STATUSES)
  status?: ResidencyStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  startupId?: string;

  @ApiPropertyOptional({ example: 'incubation' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,99}$/, { message: 'programId must be a program id' })
  programId?: string;

  @ApiPropertyOptional({ example: 'coworking-main' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/, { message: 'spaceId must be a space id' })
  spaceId?: string;
}
