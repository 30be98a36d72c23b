import { ApiPropertyOptional } from '@nestjs/swagger';
import { SECTORS, type Sector, STAGES, type Stage } from '@technopark/contracts';
import { PageQuery } from '@technopark/platform';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

/** Filters on a startup's profile: used by the startup list and, on their startup, by application lists. */
export class StartupQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;

  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ description: 'Part of the startup name, any case', example: 'agri' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
