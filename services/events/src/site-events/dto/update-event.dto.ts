import { OmitType } from '@nestjs/swagger';
import { MergePatchType } from '@technopark/platform';
import { CreateEventDto } from './event.dto';

/** A merge patch of an event; its dates change through `postpone` once it is published. */
export class UpdateEventDto extends MergePatchType(OmitType(CreateEventDto, ['kind'] as const)) {}
