import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { applyOnce, type EffectOutcome, type ReceivedEvent } from '@technopark/messaging';
import type { Model, UpdateQuery } from 'mongoose';
import { StartupProfile } from './schemas/startup-profile.schema';

/** The only place that touches the startup profiles collection. */
@Injectable()
export class ProfilesRepository {
  constructor(@InjectModel(StartupProfile.name) private readonly profiles: Model<StartupProfile>) {}

  /** Applies an event's effect once (a redelivery changes nothing), moving the version on. */
  applyEvent(
    startupId: string,
    update: UpdateQuery<StartupProfile>,
    event: Pick<ReceivedEvent, 'id'>,
  ): Promise<EffectOutcome> {
    return applyOnce(
      this.profiles,
      startupId,
      { ...update, $inc: { version: 1 } } as UpdateQuery<StartupProfile>,
      event,
    );
  }

  /** A change the startup or staff made (what it seeks); null when the profile is unknown. */
  update(startupId: string, update: UpdateQuery<StartupProfile>): Promise<StartupProfile | null> {
    return this.profiles
      .findOneAndUpdate({ _id: startupId }, { ...update, $inc: { version: 1 } }, { returnDocument: 'after' })
      .lean<StartupProfile>();
  }

  findById(id: string): Promise<StartupProfile | null> {
    return this.profiles.findById(id).lean<StartupProfile>();
  }

  findByIds(ids: readonly string[]): Promise<StartupProfile[]> {
    return this.profiles.find({ _id: { $in: ids } }).lean<StartupProfile[]>();
  }

  /**
   * Every registered startup's id, in id order: how a new funder's column is computed, a batch of
   * profiles at a time by `_id`. One query for the ids, rather than one per batch: FerretDB orders
   * and limits in memory, so each page would read every profile again.
   */
  async registeredIds(): Promise<string[]> {
    const found = await this.profiles
      .find({ registered: true }, { _id: 1 })
      .sort({ _id: 1 })
      .lean<Pick<StartupProfile, '_id'>[]>();
    return found.map((profile) => profile._id);
  }

  countRegistered(): Promise<number> {
    return this.profiles.countDocuments({ registered: true });
  }
}
