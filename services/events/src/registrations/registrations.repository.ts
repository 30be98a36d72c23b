import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventOutbox, type NewEvent } from '@technopark/messaging';
import { versionedWrite } from '@technopark/persistence';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import { Registration, type RegistrationStatus } from './schemas/registration.schema';

/** The only place that touches the registrations collection. */
@Injectable()
export class RegistrationsRepository {
  constructor(
    @InjectModel(Registration.name) private readonly registrations: Model<Registration>,
    private readonly outbox: EventOutbox,
  ) {}

  insert(registration: Omit<Registration, 'createdAt' | 'updatedAt'>, events: NewEvent[]): Promise<Registration> {
    return this.outbox.insert(this.registrations, registration, events);
  }

  /** A change to the registration as it was read (and in the status read); null when it moved meanwhile. */
  change(
    read: Pick<Registration, '_id' | 'version' | 'status'>,
    update: UpdateQuery<Registration>,
    events: NewEvent[],
  ): Promise<Registration | null> {
    const write = versionedWrite(read, update);
    return this.outbox.update(this.registrations, { ...write.filter, status: read.status }, write.update, events);
  }

  /**
   * Puts a confirmed place in a team unless a team holds it already: one whose entry settled, or one
   * claimed since `staleBefore` (older, the entry was interrupted before its team was written). True
   * when the team now has it.
   */
  async claimForTeam(id: string, teamId: string, now: Date, staleBefore: Date): Promise<boolean> {
    const { matchedCount } = await this.registrations.updateOne(
      {
        _id: id,
        status: 'confirmed',
        $or: [{ teamId: { $exists: false } }, { teamClaimedAt: { $lt: staleBefore } }],
      },
      { $set: { teamId, teamClaimedAt: now } },
    );
    return matchedCount > 0;
  }

  /** The team was written: its claims are settled, never taken as an interrupted entry's. */
  async settleTeamClaims(ids: readonly string[], teamId: string): Promise<void> {
    if (ids.length === 0) return;
    await this.registrations.updateMany({ _id: { $in: [...ids] }, teamId }, { $unset: { teamClaimedAt: '' } });
  }

  /** Gives back places a team entry claimed but did not keep. */
  async releaseFromTeam(ids: readonly string[], teamId: string): Promise<void> {
    if (ids.length === 0) return;
    await this.registrations.updateMany(
      { _id: { $in: [...ids] }, teamId },
      { $unset: { teamId: '', teamClaimedAt: '' } },
    );
  }

  findById(id: string): Promise<Registration | null> {
    return this.registrations.findById(id).lean<Registration>();
  }

  /** Every registration of an event in the given statuses: one query by event (indexed). */
  async ofEvent(eventId: string, statuses?: readonly RegistrationStatus[]): Promise<Registration[]> {
    const all = await this.registrations.find({ eventId }).lean<Registration[]>();
    return statuses ? all.filter((registration) => statuses.includes(registration.status)) : all;
  }

  /** A registrant's registrations at every event. */
  ofRegistrant(registrantKey: string): Promise<Registration[]> {
    return this.registrations.find({ registrantKey }).lean<Registration[]>();
  }

  list(filter: QueryFilter<Registration>, page: PageRequest): Promise<Page<Registration>> {
    return findPage(this.registrations, filter, page);
  }
}
