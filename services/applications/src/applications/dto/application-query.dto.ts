import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsAfter, SLUG } from '../../common/validators';
import { StartupQuery } from '../../startups/dto/startup-query.dto';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../domain/application-lifecycle';

export const APPLICATION_SORTS = [
  '-createdAt',
  'createdAt',
  '-updatedAt',
  'updatedAt',
  'startupName',
  '-startupName',
] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

export class ApplicationQuery extends StartupQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ example: 'incubation' })
  @IsOptional()
  @Matches(SLUG, { message: 'programId must be a program id' })
  programId?: string;

  @ApiPropertyOptional({ example: 'incubation-2026-autumn' })
  @IsOptional()
  @Matches(SLUG, { message: 'callId must be a call id' })
  callId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  startupId?: string;

  @ApiPropertyOptional({ description: 'Created at or after', example: '2026-09-01T00:00:00.000Z' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'createdFrom must be an ISO 8601 date-time' })
  createdFrom?: Date;

  @ApiPropertyOptional({ description: 'Created before', example: '2026-12-31T00:00:00.000Z' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'createdTo must be an ISO 8601 date-time' })
  @IsAfter('createdFrom')
  createdTo?: Date;

  @ApiPropertyOptional({
    enum: APPLICATION_SORTS,
    default: '-createdAt',
    description: '`-` for descending; ties are broken by id',
  })
  @IsOptional()
  @IsIn(APPLICATION_SORTS)
  sort: ApplicationSort = '-createdAt';
}
