import { assertOwnStartup, type AuthorizedPrincipal } from '@technopark/security';
import type { RegisterDto } from './dto/registration.dto';
import { oneSeatForAPerson, registrationNotFound, startupRequired } from './registrations.errors';
import type { Registrant, Registration } from './schemas/registration.schema';

/** Who a registration request registers, from the caller's role: their startup, themself, or the startup staff name. */
export function registrantFor(
  principal: AuthorizedPrincipal,
  body: RegisterDto,
): { registrant: Registrant; seats: number } {
  if (principal.actingAs === 'individual') {
    if ((body.seats ?? 1) !== 1) throw oneSeatForAPerson();
    return {
      registrant: {
        kind: 'individual',
        personId: principal.subject,
        ...(body.startupId && { startupId: body.startupId }),
      },
      seats: 1,
    };
  }
  const startupId = principal.actingAs === 'startup' ? (body.startupId ?? principal.startupId) : body.startupId;
  if (!startupId) throw startupRequired();
  assertOwnStartup(principal, startupId);
  return { registrant: { kind: 'startup', startupId }, seats: body.seats ?? 1 };
}

/** A startup reaches its own registrations and a person theirs; staff reach all. */
export function assertOwnRegistration(principal: AuthorizedPrincipal, registration: Registration): void {
  if (principal.actingAs === 'individual' && registration.registrant.personId !== principal.subject)
    throw registrationNotFound(registration._id);
  if (principal.actingAs === 'startup') assertOwnStartup(principal, registration.registrant.startupId ?? '');
}
