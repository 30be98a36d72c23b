import { applyDecorators, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { EventContract } from '@technopark/contracts';
import { RethrowHandlerErrors } from './rethrow-handler-errors.filter';

/** Marks extras of handlers registered through {@link HandleEvent}. */
export const EVENT_CONTRACT_EXTRA = 'technoparkEventContract';

/**
 * Declares a handler of one event type. The method receives a `ReceivedEvent` whose `data`
 * is the validated payload; it must store its effect before resolving (the offset is
 * committed after), idempotently (see `applyOnce`), and throw to reject the event.
 */
export function HandleEvent(contract: EventContract): MethodDecorator {
  return applyDecorators(EventPattern<string>(contract.type, { [EVENT_CONTRACT_EXTRA]: contract }), UseFilters(new RethrowHandlerErrors()));
}
