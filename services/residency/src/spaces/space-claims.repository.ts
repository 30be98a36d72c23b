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

/** A claim as found on a space, with when it was made. */
export interface HeldClaim extends Claim {
  readonly residencyId: string;
  readonly since: Date;
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
    const held = await this.spaces
      .findOne({ $or: [{ occupant: residencyId }, { [`holders.${residencyId}`]: { $exists: true } }] })
      .lean<Space>();
    if (!held) return null;
    return held.kind === 'office'
      ? { spaceId: held._id, kind: 'office', seats: held.seats }
      : { spaceId: held._id, kind: 'coworking', seats: held.holders[residencyId] ?? 0 };
  }

  /** Whether any active office is free or any coworking area has a free position: a waitlist pass has a chance. */
  async anythingFree(): Promise<boolean> {
    const free = await this.spaces
      .findOne(
        {
          status: 'active',
          $or: [
            { kind: 'office', occupant: FREE },
            { kind: 'coworking', freePositions: { $gt: 0 } },
          ],
        },
        { _id: 1 },
      )
      .lean();
    return free !== null;
  }

  /** Every claim on the site's spaces (a site has hundreds of spaces at most). */
  async allClaims(): Promise<HeldClaim[]> {
    const spaces = await this.spaces
      .find({ $or: [{ kind: 'office', occupant: { $ne: FREE } }, { kind: 'coworking' }] })
      .lean<Space[]>();
    return spaces.flatMap((space): HeldClaim[] =>
      space.kind === 'office'
        ? [
            {
              residencyId: space.occupant,
              spaceId: space._id,
              kind: 'office',
              seats: space.seats,
              since: space.occupiedSince ?? space.updatedAt,
            },
          ]
        : Object.entries(space.holders ?? {}).map(([residencyId, seats]) => ({
            residencyId,
            spaceId: space._id,
            kind: 'coworking',
            seats,
            since: space.heldSince?.[residencyId] ?? space.updatedAt,
          })),
    );
  }

  /** Gives back what `residencyId` holds in one space; false when it held nothing there. */
  async release(residencyId: string, spaceId: string): Promise<boolean> {
    const office = await this.spaces.updateOne(
      { _id: spaceId, occupant: residencyId },
      { $set: { occupant: FREE }, $unset: { occupiedSince: '' } },
    );
    if (office.modifiedCount === 1) return true;
    const area = await this.spaces
      .findOne({ _id: spaceId, [`holders.${residencyId}`]: { $exists: true } })
      .lean<Space>();
    if (!area) return false;
    const positions = area.holders[residencyId] ?? 0;
    const { modifiedCount } = await this.spaces.updateOne(
      { _id: spaceId, [`holders.${residencyId}`]: positions },
      {
        $inc: { freePositions: positions },
        $unset: { [`holders.${residencyId}`]: '', [`heldSince.${residencyId}`]: '' },
      },
    );
    return modifiedCount === 1;
  }

  /** Gives back whatever `residencyId` holds except in `kept` (a duplicate delivery that lost the race, a finished move). */
  async releaseAllBut(residencyId: string, kept: string): Promise<void> {
    const held = await this.spaces
      .find(
        { _id: { $ne: kept }, $or: [{ occupant: residencyId }, { [`holders.${residencyId}`]: { $exists: true } }] },
        { _id: 1 },
      )
      .lean<Space[]>();
    for (const space of held) await this.release(residencyId, space._id);
  }

  /** The smallest free office with at least `desks` desks. */
  async claimOffice(residencyId: string, desks: number): Promise<Claim | null> {
    const candidates = await this.spaces
      .find({ kind: 'office', status: 'active', occupant: FREE, seats: { $gte: desks } })
      .sort({ seats: 1, areaM2: 1, _id: 1 })
      .limit(CANDIDATES)
      .lean<Space[]>();
    for (const office of candidates) {
      const claim = await this.claimThisOffice(residencyId, office);
      if (claim) return claim;
    }
    return null;
  }

  /** `positions` together in the coworking area with the most free positions. */
  async claimPositions(residencyId: string, positions: number): Promise<Claim | null> {
    const candidates = await this.spaces
      .find({ kind: 'coworking', status: 'active', freePositions: { $gte: positions } })
      .sort({ freePositions: -1, _id: 1 })
      .limit(CANDIDATES)
      .lean<Space[]>();
    for (const area of candidates) {
      const claim = await this.claimPositionsIn(residencyId, area._id, positions);
      if (claim) return claim;
    }
    return null;
  }

  /** A claim on one named space (staff allocating or moving by hand); null when it is taken or too full. */
  async claimSpace(residencyId: string, space: Space, seats: number): Promise<Claim | null> {
    return space.kind === 'office'
      ? this.claimThisOffice(residencyId, space)
      : this.claimPositionsIn(residencyId, space._id, seats);
  }

  private async claimThisOffice(residencyId: string, office: Space): Promise<Claim | null> {
    const { modifiedCount } = await this.spaces.updateOne(
      { _id: office._id, kind: 'office', status: 'active', occupant: FREE },
      { $set: { occupant: residencyId, occupiedSince: new Date() } },
    );
    return modifiedCount === 1 ? { spaceId: office._id, kind: 'office', seats: office.seats } : null;
  }

  private async claimPositionsIn(residencyId: string, areaId: string, positions: number): Promise<Claim | null> {
    const { modifiedCount } = await this.spaces.updateOne(
      {
        _id: areaId,
        kind: 'coworking',
        status: 'active',
        freePositions: { $gte: positions },
        [`holders.${residencyId}`]: { $exists: false },
      },
      {
        $inc: { freePositions: -positions },
        $set: { [`holders.${residencyId}`]: positions, [`heldSince.${residencyId}`]: new Date() },
      },
    );
    return modifiedCount === 1 ? { spaceId: areaId, kind: 'coworking', seats: positions } : null;
  }
}
