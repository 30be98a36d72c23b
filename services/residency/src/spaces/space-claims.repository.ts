import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { FREE, Space } from './schemas/space.schema';

/** Candidates read per attempt: enough to get past the few a concurrent claim just took. */
const CANDIDATES = 20;

export interface Claim {
  readonly spaceId: string;
  readonly kind: 'office' | 'coworking';
  readonly seats: number;
}

/**
 * Hands out workspace with single-document conditional writes: an office only while it has no
 * occupant, positions only while enough are free and the residency holds none there yet.
 * A claim a residency already holds is found again, so a redelivered event claims nothing new.
 */
@Injectable()
export class SpaceClaimsRepository {
  constructor(@InjectModel(Space.name) private readonly spaces: Model<Space>) {}

  async heldBy(residencyId: string): Promise<Claim | null> {
    const held = await this.spaces.findOne({ $or: [{ occupant: residencyId }, { [`holders.${residencyId}`]: { $exists: true } }] }).lean<Space>();
    if (!held) return null;
    return held.kind === 'office' ? { spaceId: held._id, kind: 'office', seats: held.seats } : { spaceId: held._id, kind: 'coworking', seats: held.holders[residencyId] ?? 0 };
  }

  /** Gives back whatever `residencyId` holds except `kept` (a duplicate delivery that lost the race). */
  async releaseAllBut(residencyId: string, kept: string): Promise<void> {
    await this.spaces.updateMany({ _id: { $ne: kept }, occupant: residencyId }, { $set: { occupant: FREE } });
    const areas = await this.spaces.find({ _id: { $ne: kept }, [`holders.${residencyId}`]: { $exists: true } }).lean<Space[]>();
    for (const area of areas) {
      await this.spaces.updateOne({ _id: area._id, [`holders.${residencyId}`]: { $exists: true } }, { $inc: { freePositions: area.holders[residencyId] ?? 0 }, $unset: { [`holders.${residencyId}`]: '' } });
    }
  }

  /** The smallest free office with at least `desks` desks. */
  async claimOffice(residencyId: string, desks: number): Promise<Claim | null> {
    const candidates = await this.spaces.find({ kind: 'office', status: 'active', occupant: FREE, seats: { $gte: desks } }).sort({ seats: 1, areaM2: 1, _id: 1 }).limit(CANDIDATES).lean<Space[]>();
    for (const office of candidates) {
      const { modifiedCount } = await this.spaces.updateOne({ _id: office._id, status: 'active', occupant: FREE }, { $set: { occupant: residencyId } });
      if (modifiedCount === 1) return { spaceId: office._id, kind: 'office', seats: office.seats };
    }
    return null;
  }

  /** `positions` together in the coworking area with the most free positions. */
  async claimPositions(residencyId: string, positions: number): Promise<Claim | null> {
    const candidates = await this.spaces.find({ kind: 'coworking', status: 'active', freePositions: { $gte: positions } }).sort({ freePositions: -1, _id: 1 }).limit(CANDIDATES).lean<Space[]>();
    for (const area of candidates) {
      const { modifiedCount } = await this.spaces.updateOne(
        { _id: area._id, status: 'active', freePositions: { $gte: positions }, [`holders.${residencyId}`]: { $exists: false } },
        { $inc: { freePositions: -positions }, $set: { [`holders.${residencyId}`]: positions } },
      );
      if (modifiedCount === 1) return { spaceId: area._id, kind: 'coworking', seats: positions };
    }
    return null;
  }
}
