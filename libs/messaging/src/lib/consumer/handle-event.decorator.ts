import { applyDecorators, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { EventContract } from '@technopark/contracts';
import type { ReceivedEvent } from '../envelope/cloud-event';
import { RethrowHandlerErrors } from './rethrow-handler-errors.filter';

/** Marks extras of handlers registered through {@link HandleEvent}. */
export const EVENT_CONTRACT_EXTRA = 'technoparkEventContract';

/** A handler of one contract's events: its first parameter is the event, typed by the contract's payload. */
export type EventHandlerMethod<T extends object> = (event: ReceivedEvent<T>, ...rest: never[]) => unknown;

/** The payload type a contract carries: `PayloadOf<typeof ApplicationAccepted>` is `ApplicationAcceptedV1`. */
export type PayloadOf<C> = C extends EventContract<infer T> ? T : never;

/**
 * Declares a handler of one event type. The method receives a `ReceivedEvent` whose `data`
 * is the validated payload, typed from the contract: a handler whose parameter names another
 * payload does not compile. It must store its effect before resolving (the offset is
 * committed after), idempotently (see `applyOnce`), or queue it on `@Ctx() context: EventContext`
 * (`context.effects.applyOnce`) to have it stored with its batch; and throw to reject the event.
 */
export function HandleEvent<T extends object>(
  contract: EventContract<T>,
): <M extends EventHandlerMethod<T>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<M>,
) => void {
  return applyDecorators(
    EventPattern<string>(contract.type, { [EVENT_CONTRACT_EXTRA]: contract }),
    UseFilters(new RethrowHandlerErrors()),
  );
}
