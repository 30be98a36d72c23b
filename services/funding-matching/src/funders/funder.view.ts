import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FUNDER_KINDS,
  type FunderKind,
  INSTRUMENTS,
  type Instrument,
  SECTORS,
  type Sector,
  STAGES,
  type Stage,
} from '@technopark/contracts';
import { PageOf } from '@technopark/platform';
import type { AuthorizedPrincipal } from '@technopark/security';
import { FunderContactDto, FunderRequirementsDto, FundingWindowDto } from './dto/funder.dto';
import type { Funder } from './schemas/funder.schema';

/** Staff and admins run introductions and see every funder's contact; a funder sees its own. */
function seesContact(funder: Funder, principal: AuthorizedPrincipal): boolean {
  if (principal.actingAs === 'funder') return principal.funderId === funder._id;
  return principal.actingAs === 'platform-admin' || principal.actingAs === 'site-staff';
}

export class FunderView {
  @ApiProperty({ example: 'plug-and-play-morocco' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: FUNDER_KINDS })
  kind!: FunderKind;

  @ApiProperty({ enum: SECTORS, isArray: true })
  sectors!: Sector[];

  @ApiProperty({ enum: STAGES, isArray: true })
  stages!: Stage[];

  @ApiProperty()
  ticketMinMad!: number;

  @ApiProperty()
  ticketMaxMad!: number;

  @ApiProperty({ enum: INSTRUMENTS, isArray: true })
  instruments!: Instrument[];

  @ApiProperty({ type: [String] })
  sites!: string[];

  @ApiProperty({ type: FunderRequirementsDto })
  requirements!: FunderRequirementsDto;

  @ApiProperty({ type: [FundingWindowDto] })
  windows!: FundingWindowDto[];

  @ApiPropertyOptional({ description: 'The window open today; `rolling` for a funder without windows' })
  openWindowId?: string;

  @ApiPropertyOptional()
  partnerId?: string;

  @ApiPropertyOptional({ type: FunderContactDto, description: 'Shown to staff, admins and the funder itself' })
  contact?: FunderContactDto;

  @ApiProperty({ description: 'Its matches are being computed from its latest criteria' })
  matchesStale!: boolean;

  @ApiProperty()
  version!: number;

  @ApiProperty()
  updatedAt!: Date;
}

export class FunderPage extends PageOf(FunderView) {}

export function funderView(funder: Funder, principal: AuthorizedPrincipal): FunderView {
  return {
    id: funder._id,
    name: funder.name,
    kind: funder.kind,
    sectors: funder.sectors,
    stages: funder.stages,
    ticketMinMad: funder.ticketMinMad,
    ticketMaxMad: funder.ticketMaxMad,
    instruments: funder.instruments,
    sites: funder.sites,
    requirements: funder.requirements,
    windows: funder.windows,
    ...(funder.openWindowId && { openWindowId: funder.openWindowId }),
    ...(funder.partnerId && { partnerId: funder.partnerId }),
    ...(funder.contact && seesContact(funder, principal) && { contact: funder.contact }),
    matchesStale: funder.matchesStale,
    version: funder.version,
    updatedAt: funder.updatedAt,
  };
}
