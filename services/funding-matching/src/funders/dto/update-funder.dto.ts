import { OmitType } from '@nestjs/swagger';
import { MergePatchType } from '@technopark/platform';
import { CreateFunderDto } from './funder.dto';

/** A merge patch of a funder: a value replaces a field whole (windows, requirements), null removes an optional one. */
export class UpdateFunderDto extends MergePatchType(OmitType(CreateFunderDto, ['funderId'] as const)) {}
