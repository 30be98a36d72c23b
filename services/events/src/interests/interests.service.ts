import { Injectable } from '@nestjs/common';
import { type EventActorV1, InvestorInterestRecorded } from '@technopark/contracts';
import { EventOutbox, newEvent } from '@technopark/messaging';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@technopark/persistence';
import type { Model } from 'mongoose';
import { derivedIdOf, registrationIdOf } from '../registrations/domain/registration-id';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import { SiteEventsService } from '../site-events/site-events.service';
import type { RecordInterestDto } from './dto/investor-interest.dto';
import {
  funderNotInvited,
  interestExists,
  notAnInvestorSession,
  sessionNotHeld,
  startupNotPitching,
} from './interests.errors';
import { InvestorInterest } from './schemas/investor-interest.schema';

const HELD_OR_OPEN = new Set(['published', 'postponed', 'completed']);

/** Funders' interests at investor sessions, each handed to funding matching as an introduction to consent to. */
@Injectable()
export class InterestsService {
  constructor(
    @InjectModel(InvestorInterest.name) private readonly interests: Model<InvestorInterest>,
    private readonly outbox: EventOutbox,
    private readonly events: SiteEventsService,
    private readonly registrations: RegistrationsRepository,
  ) {}

  async record(eventId: string, body: RecordInterestDto, actor: EventActorV1): Promise<InvestorInterest> {
    const event = await this.events.get(eventId);
    if (event.kind !== 'investor-session') throw notAnInvestorSession(event.kind);
    if (!HELD_OR_OPEN.has(event.status)) throw sessionNotHeld(event.status);
    if (!event.partnerIds.includes(body.funderId)) throw funderNotInvited(body.funderId);
    const place = await this.registrations.findById(
      registrationIdOf(eventId, { kind: 'startup', startupId: body.startupId }),
    );
    if (place?.status !== 'confirmed') throw startupNotPitching(body.startupId);
    const interestId = derivedIdOf(`interest|${eventId}|${body.funderId}|${body.startupId}`);
    const interest = {
      _id: interestId,
      eventId,
      funderId: body.funderId,
      startupId: body.startupId,
      ...(body.note && { note: body.note }),
      recordedBy: actor,
    };
    try {
      return await this.outbox.insert(this.interests, interest, [
        newEvent(InvestorInterestRecorded, {
          interestId,
          eventId,
          funderId: body.funderId,
          startupId: body.startupId,
          actor,
        }),
      ]);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw interestExists();
      throw error;
    }
  }

  list(eventId: string): Promise<InvestorInterest[]> {
    return this.interests.find({ eventId }).sort({ createdAt: 1 }).lean<InvestorInterest[]>();
  }
}
