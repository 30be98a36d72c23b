import { IsDecimal } from '@technopark/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_PERIOD } from '@technopark/contracts';
import { PageQuery } from '@technopark/platform';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const PERIOD_MESSAGE = 'period must be a calendar quarter such as 2026-Q3';

export class SubmitReportDto {
  @ApiProperty({ example: '2026-Q3', description: 'The calendar quarter reported' })
  @Matches(REPORT_PERIOD, { message: PERIOD_MESSAGE })
  period!: string;

  @ApiProperty({
    example: 7,
    description: 'People working for the startup at the end of the quarter, founders included',
  })
  @IsInt()
  @Min(0)
  @Max(100_000)
  headcount!: number;

  @ApiProperty({ example: 420000, description: 'Revenue of the quarter in MAD' })
  @IsDecimal(2)
  @Min(0)
  @Max(1e12)
  revenueMad!: number;

  @ApiProperty({ description: 'Sold abroad during the quarter' })
  @IsBoolean()
  exporting!: boolean;

  @ApiProperty({ description: 'Has a branch outside Morocco' })
  @IsBoolean()
  foreignBranch!: boolean;
}

export class ReportListQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-Q3' })
  @IsOptional()
  @Matches(REPORT_PERIOD, { message: PERIOD_MESSAGE })
  period?: string;
}
