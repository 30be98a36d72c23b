import { OmitType } from '@nestjs/swagger';
import { MergePatchType } from '@technopark/platform';
import { CreateSpaceDto } from './space.dto';

/** What staff may change of a space (a merge patch: null removes the floor or room type); its id and kind are fixed. */
export class UpdateSpaceDto extends MergePatchType(OmitType(CreateSpaceDto, ['id', 'kind'] as const)) {}

export const UPDATABLE_SPACE_FIELDS = ['name', 'roomType', 'floor', 'areaM2', 'seats'] as const;
