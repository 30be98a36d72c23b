import { ApiProperty } from '@nestjs/swagger';
import { ActorView } from '../common/actor.view';
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

export class ReportPage {
  @ApiProperty({ type: [ReportView] })
  items!: ReportView[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

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
