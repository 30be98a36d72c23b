import 'reflect-metadata';
import { PATTERN_EXTRAS_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import { ApplicationAccepted, type ApplicationAcceptedV1, StartupRegistered } from '@technopark/contracts';
import type { ReceivedEvent } from '../envelope/cloud-event';
import { EVENT_CONTRACT_EXTRA, HandleEvent, type PayloadOf } from './handle-event.decorator';

class AcceptanceHandler {
  @HandleEvent(ApplicationAccepted)
  accepted(event: ReceivedEvent<PayloadOf<typeof ApplicationAccepted>>) {
    // Typed from the contract: a field the payload lacks would not compile.
    return event.data.applicationId;
  }

  // @ts-expect-error a handler whose parameter names another contract's payload does not compile (checked by `npm run typecheck`)
  @HandleEvent(StartupRegistered)
  registered(event: ReceivedEvent<ApplicationAcceptedV1>) {
    return event.data.programId;
  }
}

describe('HandleEvent', () => {
  it("registers the handler under the contract's type, with the contract for the transport", () => {
    const handler = AcceptanceHandler.prototype.accepted;
    expect(Reflect.getMetadata(PATTERN_METADATA, handler)).toEqual([ApplicationAccepted.type]);
    expect(Reflect.getMetadata(PATTERN_EXTRAS_METADATA, handler)).toEqual({
      [EVENT_CONTRACT_EXTRA]: ApplicationAccepted,
    });
  });
});
