import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ELIGIBILITIES, type Eligibility, EVENT_KINDS, type EventKind } from '@technopark/contracts';
import { PageOf } from '@technopark/platform';
import {
  EVENT_ACTIONS,
  EVENT_STATUSES,
  type EventAction,
  type EventStatus,
  legalActions,
} from './domain/event-lifecycle';
import { LocalizedLongTextDto, LocalizedTextDto, SpeakerDto } from './dto/event.dto';
import type { SiteEvent } from './schemas/site-event.schema';

export class AttendanceView {
  @ApiProperty()
  confirmed!: number;

  @ApiProperty()
  checkedIn!: number;

  @ApiProperty()
  walkIns!: number;

  @ApiProperty()
  noShows!: number;

  @ApiProperty({ description: 'Distinct startups with someone checked in' })
  startupsReached!: number;
}

/** An event as anyone may see it once published. */
export class PublicEventView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: EVENT_KINDS })
  kind!: EventKind;

  @ApiProperty({ type: LocalizedTextDto })
  title!: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedLongTextDto })
  description?: LocalizedLongTextDto;

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  endsAt!: string;

  @ApiProperty({ example: 'Africa/Casablanca' })
  timezone!: string;

  @ApiPropertyOptional()
  roomId?: string;

  @ApiPropertyOptional()
  onlineUrl?: string;

  @ApiProperty()
  capacity!: number;

  @ApiProperty({ description: 'Seats not yet confirmed to anyone' })
  seatsLeft!: number;

  @ApiProperty({ description: 'Registrations waiting for a seat' })
  waitlisted!: number;

  @ApiProperty({ format: 'date-time' })
  registrationOpensAt!: string;

  @ApiProperty({ format: 'date-time' })
  registrationClosesAt!: string;

  @ApiProperty({ enum: ELIGIBILITIES })
  eligibility!: Eligibility;

  @ApiPropertyOptional()
  programId?: string;

  @ApiProperty({ type: [SpeakerDto] })
  speakers!: SpeakerDto[];

  @ApiProperty({ type: [String] })
  partnerIds!: string[];

  @ApiProperty({ enum: EVENT_STATUSES })
  status!: EventStatus;

  @ApiPropertyOptional({ type: AttendanceView })
  attendance?: AttendanceView;
}

/** What staff see: the public view, who runs it, who is invited, and what they may do next. */
export class SiteEventView extends PublicEventView {
  @ApiProperty({ type: [String] })
  organizers!: string[];

  @ApiProperty({ type: [String] })
  invitees!: string[];

  @ApiPropertyOptional({ description: 'Residency retired its room: move it to another' })
  roomRetired?: boolean;

  @ApiPropertyOptional()
  cancelReason?: string;

  @ApiProperty({ enum: EVENT_ACTIONS, isArray: true })
  allowedActions!: EventAction[];

  @ApiProperty()
  version!: number;
}

export class PublicEventPage extends PageOf(PublicEventView) {}
export class SiteEventPage extends PageOf(SiteEventView) {}

export function publicEventView(event: SiteEvent): PublicEventView {
  return {
    id: event._id,
    kind: event.kind,
    title: event.title,
    ...(event.description && { description: event.description }),
    startsAt: new Date(event.startsAt).toISOString(),
    endsAt: new Date(event.endsAt).toISOString(),
    timezone: event.timezone,
    ...(event.roomId && { roomId: event.roomId }),
    ...(event.onlineUrl && { onlineUrl: event.onlineUrl }),
    capacity: event.capacity,
    seatsLeft: event.seatsLeft,
    waitlisted: event.queue.length,
    registrationOpensAt: new Date(event.registrationOpensAt).toISOString(),
    registrationClosesAt: new Date(event.registrationClosesAt).toISOString(),
    eligibility: event.eligibility,
    ...(event.programId && { programId: event.programId }),
    speakers: event.speakers,
    partnerIds: event.partnerIds,
    status: event.status,
    ...(event.attendance && { attendance: event.attendance }),
  };
}

export function siteEventView(event: SiteEvent): SiteEventView {
  return {
    ...publicEventView(event),
    organizers: event.organizers,
    invitees: event.invitees,
    ...(event.roomRetired && { roomRetired: true }),
    ...(event.cancelReason && { cancelReason: event.cancelReason }),
    allowedActions: [...legalActions(event.status)],
    version: event.version,
  };
}
