import { ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_KINDS, type EventKind } from '@technopark/contracts';
import { PageQuery } from '@technopark/platform';
import { IsIn, IsOptional } from 'class-validator';
import { EVENT_STATUSES, type EventStatus } from '../domain/event-lifecycle';

export class EventsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EVENT_STATUSES })
  @IsOptional()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;
}

export class PublicEventsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;
}
