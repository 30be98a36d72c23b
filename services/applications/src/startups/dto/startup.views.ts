import { ApiProperty, IntersectionType, OmitType, PickType } from '@nestjs/swagger';
import { PageOf } from '@technopark/platform';
import { AuditView } from '../../common/audit.view';
import { RegisterStartupDto } from './startup.dto';

class StartupId {
  @ApiProperty({ example: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50' })
  id!: string;
}

export class StartupView extends IntersectionType(StartupId, RegisterStartupDto, AuditView) {}

/** In lists: no founders (personal data is in the detail only). */
export class ListedStartupView extends OmitType(StartupView, ['founders'] as const) {}

/** What partner programs see. */
export class PartnerStartupView extends PickType(StartupView, [
  'id',
  'name',
  'legalForm',
  'foundedOn',
  'sectors',
  'stage',
  'teamSize',
] as const) {}

export class StartupPage extends PageOf(ListedStartupView) {}

export class PartnerStartupPage extends PageOf(PartnerStartupView) {}
