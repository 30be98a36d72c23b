import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@technopark/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class StartupMatchesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only qualified matches (true), or every computed one (false, the default)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'qualified must be true or false' })
  qualified?: boolean;
}
