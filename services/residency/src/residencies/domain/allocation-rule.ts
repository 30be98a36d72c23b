import type { ProgramKind } from '@technopark/contracts';

/**
 * The documented allocation rule: an office that fits the whole team (the smallest such office),
 * otherwise that many coworking positions in one area, otherwise the site's waitlist.
 * A team of zero desks still takes one position: a resident needs somewhere to sit.
 */
export function seatsNeeded(desks: number): number {
  return Math.max(1, desks);
}

/** Lower goes first: intensive programs wait least; coworking members wait most. */
export const WAITLIST_PRIORITY: Record<ProgramKind, number> = {
  acceleration: 1,
  incubation: 2,
  'pre-incubation': 3,
  coworking: 4,
};

/** The waitlist order: program priority, then who was accepted first. */
export function waitlistRank(kind: ProgramKind, acceptedAt: Date): number {
  return WAITLIST_PRIORITY[kind] * 1e13 + acceptedAt.getTime();
}

/** Days an accepted startup has to move in before its allocation is released. */
export function moveInBy(allocatedAt: Date, days: number): string {
  return new Date(allocatedAt.getTime() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
