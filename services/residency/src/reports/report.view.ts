import { ApiProperty } from '@nestjs/swagger';
import { ActorView, PageOf } from '@technopark/platform';
import type { ResidentReport } from './report.schema';

export class ReportView {
  @ApiProperty()
  residencyId!: string;

  @ApiProperty()
  startupId!: string;

  @ApiProperty({ example: '2026-Q3' })
  period!: string;

  @ApiProperty({ example: 7 })
  headcount!: number;

  @ApiProperty({ example: 420000 })
  revenueMad!: number;

  @ApiProperty()
  exporting!: boolean;

  @ApiProperty()
  foreignBranch!: boolean;

  @ApiProperty({ type: ActorView })
  submittedBy!: ActorView;

  @ApiProperty()
  createdAt!: Date;
}

export class ReportPage extends PageOf(ReportView) {}

export function reportView({
  residencyId,
  startupId,
  period,
  headcount,
  revenueMad,
  exporting,
  foreignBranch,
  submittedBy,
  createdAt,
}: ResidentReport): ReportView {
  return { residencyId, startupId, period, headcount, revenueMad, exporting, foreignBranch, submittedBy, createdAt };
}
