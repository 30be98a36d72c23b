import { createHash } from 'node:crypto';
import type { Registrant } from '../schemas/registration.schema';

/** The registrant as one key: a startup, or a person. */
export function registrantKeyOf(registrant: Registrant): string {
  return registrant.kind === 'startup' ? `startup:${registrant.startupId}` : `person:${registrant.personId}`;
}

/**
 * A UUID (version 5 layout, SHA-1 of the event and the registrant): the same registrant at the same
 * event always gets the same id, so the database's unique `_id` admits one registration per person.
 */
export function registrationIdOf(eventId: string, registrant: Registrant): string {
  return derivedIdOf(`${eventId}|${registrantKeyOf(registrant)}`);
}

/** A UUID (version 5 layout) derived from a text: the same text, the same id. */
export function derivedIdOf(text: string): string {
  const bytes = createHash('sha1').update(text).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
