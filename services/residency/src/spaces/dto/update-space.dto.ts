import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateSpaceDto } from './space.dto';

/** What staff may change of a space; its id and kind are fixed. */
export class UpdateSpaceDto extends PartialType(OmitType(CreateSpaceDto, ['id', 'kind'] as const)) {}

export const UPDATABLE_SPACE_FIELDS = ['name', 'roomType', 'floor', 'areaM2', 'seats'] as const;
