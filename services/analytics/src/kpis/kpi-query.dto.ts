import { ApiPropertyOptional } from '@nestjs/swagger';
import { SECTORS } from '@technopark/contracts';
import { type Clock, DomainError } from '@technopark/platform';
import { IsIn, IsOptional, Matches } from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The months a figure covers; `to` is also the "as of" month of figures such as residents now. */
export class KpiQueryDto {
  @ApiPropertyOptional({ example: '2026-01', description: 'First month (YYYY-MM); default 2000-01' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12', description: 'Last month (YYYY-MM); default the current month' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({ example: 'incubation', description: 'Funnel only: one program' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,99}$/, { message: 'programId must be a program id' })
  programId?: string;

  @ApiPropertyOptional({
    enum: SECTORS,
    example: 'agritech',
    description:
      "Funnel only: startups of one sector (their current profile's sectors; a startup in two sectors counts in both)",
  })
  @IsOptional()
  @IsIn(SECTORS, { message: `sector must be one of ${SECTORS.join(', ')}` })
  sector?: string;
}

/** The funnel's own filters. */
export function funnelFilterOf(query: KpiQueryDto): { programId?: string; sector?: string } {
  return {
    ...(query.programId ? { programId: query.programId } : {}),
    ...(query.sector ? { sector: query.sector } : {}),
  };
}

/** The months a query covers: from 2000 to the current month unless it says otherwise. */
export function rangeOf(query: KpiQueryDto, clock: Clock): { from: string; to: string } {
  const range = { from: query.from ?? '2000-01', to: query.to ?? clock.today().slice(0, 7) };
  if (range.from > range.to) throw invertedRange(range);
  return range;
}

export function invertedRange({ from, to }: { from: string; to: string }): DomainError {
  return new DomainError('KPI.INVERTED_RANGE', `the range starts (${from}) after it ends (${to})`, 400, {
    fields: [{ field: 'from', problems: [`from must not be after to (${to})`] }],
  });
}
