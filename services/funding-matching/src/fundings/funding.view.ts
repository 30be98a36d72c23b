import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INSTRUMENTS, type Instrument } from '@technopark/contracts';
import { PageOf } from '@technopark/platform';
import { FundingActorView } from '../common/funding-actor.view';
import { FundingEvidenceDto } from './dto/funding.dto';
import type { Funding } from './schemas/funding.schema';

export class FundingView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  startupId!: string;

  @ApiProperty()
  funderId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  introductionId?: string;

  @ApiProperty()
  amountMad!: number;

  @ApiProperty({ enum: ['MAD'] })
  currency!: 'MAD';

  @ApiProperty({ enum: INSTRUMENTS })
  instrument!: Instrument;

  @ApiProperty()
  raisedOn!: string;

  @ApiProperty({ type: FundingEvidenceDto })
  evidence!: FundingEvidenceDto;

  @ApiProperty({ type: FundingActorView })
  recordedBy!: FundingActorView;

  @ApiProperty()
  createdAt!: Date;
}

export class FundingPage extends PageOf(FundingView) {}

export function fundingView(funding: Funding): FundingView {
  return {
    id: funding._id,
    startupId: funding.startupId,
    funderId: funding.funderId,
    ...(funding.introductionId && { introductionId: funding.introductionId }),
    amountMad: funding.amountMad,
    currency: 'MAD',
    instrument: funding.instrument,
    raisedOn: funding.raisedOn,
    evidence: funding.evidence,
    recordedBy: funding.recordedBy,
    createdAt: funding.createdAt,
  };
}
