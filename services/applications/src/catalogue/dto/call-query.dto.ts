import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@technopark/platform';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, Matches } from 'class-validator';
import { SLUG } from '../../common/validators';

export class CallQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'incubation' })
  @IsOptional()
  @Matches(SLUG, { message: 'programId must be a program id' })
  programId?: string;

  @ApiPropertyOptional({
    description: 'Only calls open at this instant (e.g. now)',
    example: '2026-11-22T10:00:00.000Z',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'openAt must be an ISO 8601 date-time' })
  openAt?: Date;
}
