import { ApplicationAccepted, ApplicationScored } from '@technopark/contracts';
import type { Role } from '@technopark/security';

/** Committee marks a startup never sees about itself, as in the applications API. */
const HIDDEN_FROM_STARTUPS: Readonly<Record<string, readonly string[]>> = {
  [ApplicationScored.type]: ['score'],
  [ApplicationAccepted.type]: ['averageScore'],
};

/** Committee members stay anonymous to the startups they assess. */
export const ANONYMOUS_MEMBER = { id: 'committee', role: 'committee-member' } as const;

/**
 * An event's payload as the reader may see it. Staff and the committee see it whole; a startup
 * sees its own events without the committee's marks and without naming committee members.
 */
export function payloadFor(actingAs: Role, type: string, data: Record<string, unknown>): Record<string, unknown> {
  if (actingAs !== 'startup') return data;
  const visible = Object.fromEntries(
    Object.entries(data).filter(([field]) => !(HIDDEN_FROM_STARTUPS[type] ?? []).includes(field)),
  );
  const actor = visible['actor'] as { role?: string } | undefined;
  if (actor?.role === 'committee-member') visible['actor'] = ANONYMOUS_MEMBER;
  return visible;
}
