import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@technopark/platform';
import type { Partner } from './schemas/partner.schema';

export class PartnerView {
  @ApiProperty({ example: 'plug-and-play' })
  partnerId!: string;

  @ApiProperty({ example: 'Plug and Play Morocco' })
  name!: string;

  @ApiProperty({ type: [String] })
  programIds!: string[];

  @ApiProperty()
  contactEmail!: string;

  @ApiProperty()
  createdAt!: Date;
}

export class PartnerPage extends PageOf(PartnerView) {}

export function partnerView(partner: Partner): PartnerView {
  return {
    partnerId: partner._id,
    name: partner.name,
    programIds: partner.programIds,
    contactEmail: partner.contactEmail,
    createdAt: partner.createdAt,
  };
}
