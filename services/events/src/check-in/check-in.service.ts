import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EventActorV1 } from '@technopark/contracts';
import { Clock } from '@technopark/platform';
import { SigningSecret } from '../config/signing-secret';
import { registrantKeyOf } from '../registrations/domain/registration-id';
import { checkedIn } from '../registrations/registration-events';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import type { Registration } from '../registrations/schemas/registration.schema';
import { OPEN_STATUSES } from '../site-events/domain/event-lifecycle';
import { SiteEventsService } from '../site-events/site-events.service';
import { CheckInCodes } from './check-in-codes';
import {
  codeAlreadyUsed,
  codeNotGenuine,
  codeOfAnotherEvent,
  codeVoided,
  eventNotRunning,
  registrationNotConfirmed,
  walkInWithoutWho,
} from './check-in.errors';
import type { WalkInDto } from './dto/check-in.dto';

/** People in at the door: a registration's code once, or a walk-in staff let in. */
@Injectable()
export class CheckInService {
  readonly codes: CheckInCodes;

  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly events: SiteEventsService,
    private readonly clock: Clock,
    secret: SigningSecret,
  ) {
    this.codes = new CheckInCodes(secret.value);
  }

  /** The code a confirmed registration shows at the door. */
  codeOf(registration: Registration): string | undefined {
    return registration.status === 'confirmed'
      ? this.codes.codeFor({ registrationId: registration._id, round: registration.round })
      : undefined;
  }

  /** Takes a scanned code once: a second scan, another event's code or a voided one is refused. */
  async checkIn(eventId: string, code: string, actor: EventActorV1): Promise<Registration> {
    await this.assertRunning(eventId);
    const claim = this.codes.read(code);
    if (!claim) throw codeNotGenuine();
    const registration = await this.registrations.findById(claim.registrationId);
    if (!registration) throw codeNotGenuine();
    if (registration.eventId !== eventId) throw codeOfAnotherEvent();
    if (registration.round !== claim.round) throw codeVoided();
    if (registration.checkedInAt) throw codeAlreadyUsed(new Date(registration.checkedInAt));
    if (registration.status !== 'confirmed') throw registrationNotConfirmed(registration.status);
    const at = this.clock.now();
    const written = await this.registrations.change(registration, { $set: { checkedInAt: at, checkedInBy: actor } }, [
      checkedIn(eventId, registration, registration.registrant, at, actor),
    ]);
    if (written) return written;
    const now = await this.registrations.findById(registration._id);
    if (now?.checkedInAt) throw codeAlreadyUsed(new Date(now.checkedInAt));
    throw codeVoided();
  }

  /** Someone staff let in without a registration: counted as a walk-in. */
  async walkIn(eventId: string, body: WalkInDto, actor: EventActorV1): Promise<Registration> {
    await this.assertRunning(eventId);
    if (!body.startupId && !body.personId) throw walkInWithoutWho();
    const registrant = {
      kind: body.personId ? ('individual' as const) : ('startup' as const),
      ...(body.startupId && { startupId: body.startupId }),
      ...(body.personId && { personId: body.personId }),
    };
    const at = this.clock.now();
    return this.registrations.insert(
      {
        _id: randomUUID(),
        eventId,
        registrant,
        registrantKey: registrantKeyOf(registrant),
        seats: 1,
        status: 'walk-in',
        round: 1,
        checkedInAt: at,
        checkedInBy: actor,
        registeredBy: actor,
        version: 0,
      },
      [checkedIn(eventId, undefined, registrant, at, actor)],
    );
  }

  private async assertRunning(eventId: string): Promise<void> {
    const event = await this.events.get(eventId);
    if (!OPEN_STATUSES.includes(event.status)) throw eventNotRunning(event.status);
  }
}
