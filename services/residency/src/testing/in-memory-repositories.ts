import type { NewEvent } from '@technopark/messaging';
import type { Page, PageRequest } from '@technopark/platform';
import type { QueryFilter, UpdateQuery } from 'mongoose';
import type { ResidencyStatus } from '../residencies/domain/residency-lifecycle';
import type { ResidenciesRepository } from '../residencies/residencies.repository';
import type { Residency } from '../residencies/schemas/residency.schema';
import { FREE, type Space } from '../spaces/schemas/space.schema';
import type { Claim, HeldClaim, SpaceClaimsRepository } from '../spaces/space-claims.repository';

/** The public surface of a repository: what an in-memory one implements, checked by the compiler. */
type SameInterface<T> = { [K in keyof T]: T[K] };

/** `$set`, `$unset`, `$push` and `$inc`: the updates the residency workflow writes. */
function applyUpdate<T extends object>(document: T, update: UpdateQuery<T>): T {
  const next = { ...document } as Record<string, unknown>;
  for (const [field, value] of Object.entries((update.$set as object | undefined) ?? {})) next[field] = value;
  for (const field of Object.keys((update.$unset as object | undefined) ?? {})) delete next[field];
  for (const [field, value] of Object.entries((update.$push as object | undefined) ?? {})) {
    next[field] = [...((next[field] as unknown[] | undefined) ?? []), value];
  }
  for (const [field, by] of Object.entries((update.$inc as object | undefined) ?? {})) {
    next[field] = ((next[field] as number | undefined) ?? 0) + (by as number);
  }
  return next as T;
}

export class InMemoryResidencies implements SameInterface<ResidenciesRepository> {
  readonly residencies = new Map<string, Residency>();
  /** Every event written with the residencies, in writing order: what the outbox would publish. */
  readonly published: NewEvent[] = [];

  async findOrCreate(pending: Omit<Residency, 'createdAt' | 'updatedAt' | 'version' | 'history'>): Promise<Residency> {
    const now = new Date();
    if (!this.residencies.has(pending._id)) {
      this.residencies.set(pending._id, {
        ...pending,
        version: 0,
        history: [],
        createdAt: now,
        updatedAt: now,
      } as Residency);
    }
    return this.residencies.get(pending._id) as Residency;
  }

  async transition(
    read: Pick<Residency, '_id' | 'version'>,
    update: UpdateQuery<Residency>,
    events: NewEvent[],
  ): Promise<Residency | null> {
    const current = this.residencies.get(read._id);
    if (!current || current.version !== read.version) return null;
    const next = applyUpdate(current, { ...update, $inc: { version: 1 } });
    this.residencies.set(read._id, next);
    this.published.push(...events);
    return next;
  }

  async findById(id: string): Promise<Residency | null> {
    return this.residencies.get(id) ?? null;
  }

  async findByIds(ids: string[]): Promise<Residency[]> {
    return ids.flatMap((id) => this.residencies.get(id) ?? []);
  }

  async list(_filter: QueryFilter<Residency>, page: PageRequest): Promise<Page<Residency>> {
    return { items: [...this.residencies.values()].slice(0, page.limit), nextCursor: null };
  }

  async waitlist(): Promise<Residency[]> {
    return [...this.residencies.values()]
      .filter((residency) => residency.status === 'waitlisted')
      .sort((a, b) => (a.waitlistRank ?? 0) - (b.waitlistRank ?? 0) || a._id.localeCompare(b._id));
  }

  async overdueMoveIns(today: string): Promise<Residency[]> {
    return [...this.residencies.values()].filter(
      (residency) => residency.status === 'allocated' && (residency.moveInBy ?? today) < today,
    );
  }

  async count(status: ResidencyStatus): Promise<number> {
    return [...this.residencies.values()].filter((residency) => residency.status === status).length;
  }
}

/** The site's offices and coworking areas, and who holds what: the claims' rules over a map. */
export class InMemorySpaceClaims implements SameInterface<SpaceClaimsRepository> {
  readonly spaces = new Map<string, Space>();

  /** An active office of `seats` desks, or a coworking area of `seats` positions. */
  add(id: string, kind: 'office' | 'coworking', seats: number, areaM2 = seats * 8): void {
    const space = {
      _id: id,
      kind,
      name: id,
      areaM2,
      seats,
      status: 'active',
      occupant: FREE,
      freePositions: kind === 'coworking' ? seats : 0,
      holders: {},
    };
    this.spaces.set(id, space as unknown as Space);
  }

  async heldBy(residencyId: string): Promise<Claim | null> {
    const held = [...this.spaces.values()].find(
      (space) => space.occupant === residencyId || residencyId in space.holders,
    );
    if (!held) return null;
    return held.kind === 'office'
      ? { spaceId: held._id, kind: 'office', seats: held.seats }
      : { spaceId: held._id, kind: 'coworking', seats: held.holders[residencyId] ?? 0 };
  }

  async anythingFree(): Promise<boolean> {
    return [...this.spaces.values()].some(
      (space) =>
        space.status === 'active' &&
        ((space.kind === 'office' && space.occupant === FREE) ||
          (space.kind === 'coworking' && space.freePositions > 0)),
    );
  }

  async allClaims(): Promise<HeldClaim[]> {
    const since = new Date(0);
    return [...this.spaces.values()].flatMap((space): HeldClaim[] =>
      space.kind === 'office'
        ? space.occupant === FREE
          ? []
          : [{ residencyId: space.occupant, spaceId: space._id, kind: 'office', seats: space.seats, since }]
        : Object.entries(space.holders).map(([residencyId, seats]) => ({
            residencyId,
            spaceId: space._id,
            kind: 'coworking',
            seats,
            since,
          })),
    );
  }

  async release(residencyId: string, spaceId: string): Promise<boolean> {
    const space = this.spaces.get(spaceId);
    if (!space) return false;
    if (space.occupant === residencyId) {
      this.spaces.set(spaceId, { ...space, occupant: FREE });
      return true;
    }
    const positions = space.holders[residencyId];
    if (positions === undefined) return false;
    const holders = Object.fromEntries(Object.entries(space.holders).filter(([holder]) => holder !== residencyId));
    this.spaces.set(spaceId, { ...space, holders, freePositions: space.freePositions + positions });
    return true;
  }

  async releaseAllBut(residencyId: string, kept: string): Promise<void> {
    for (const space of [...this.spaces.values()]) if (space._id !== kept) await this.release(residencyId, space._id);
  }

  /** The smallest free office with at least `desks` desks. */
  async claimOffice(residencyId: string, desks: number): Promise<Claim | null> {
    const office = [...this.spaces.values()]
      .filter(
        (space) =>
          space.kind === 'office' && space.status === 'active' && space.occupant === FREE && space.seats >= desks,
      )
      .sort((a, b) => a.seats - b.seats || a.areaM2 - b.areaM2 || a._id.localeCompare(b._id))[0];
    return office ? this.claimSpace(residencyId, office, desks) : null;
  }

  /** `positions` together in the coworking area with the most free positions. */
  async claimPositions(residencyId: string, positions: number): Promise<Claim | null> {
    const area = [...this.spaces.values()]
      .filter((space) => space.kind === 'coworking' && space.status === 'active' && space.freePositions >= positions)
      .sort((a, b) => b.freePositions - a.freePositions || a._id.localeCompare(b._id))[0];
    return area ? this.claimSpace(residencyId, area, positions) : null;
  }

  async claimSpace(residencyId: string, space: Space, seats: number): Promise<Claim | null> {
    const current = this.spaces.get(space._id);
    if (!current || current.status !== 'active') return null;
    if (current.kind === 'office') {
      if (current.occupant !== FREE) return null;
      this.spaces.set(current._id, { ...current, occupant: residencyId });
      return { spaceId: current._id, kind: 'office', seats: current.seats };
    }
    if (current.freePositions < seats || residencyId in current.holders) return null;
    this.spaces.set(current._id, {
      ...current,
      freePositions: current.freePositions - seats,
      holders: { ...current.holders, [residencyId]: seats },
    });
    return { spaceId: current._id, kind: 'coworking', seats };
  }
}
