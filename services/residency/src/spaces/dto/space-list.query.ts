import { ApiPropertyOptional } from '@nestjs/swagger';
import { SPACE_KINDS, type SpaceKind } from '@technopark/contracts';
import { PageQuery } from '@technopark/platform';
import { IsIn, IsOptional } from 'class-validator';

export class SpaceListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SPACE_KINDS })
  @IsOptional()
  @IsIn(SPACE_KINDS)
  kind?: SpaceKind;

  @ApiPropertyOptional({ enum: ['active', 'retired'] })
  @IsOptional()
  @IsIn(['active', 'retired'])
  status?: 'active' | 'retired';
}
