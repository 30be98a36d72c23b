import { BaseRpcContext } from '@nestjs/microservices';
import type { ReceivedEvent } from '../envelope/cloud-event';
import type { EventEffects } from './effect-batch';

/**
 * What an `@HandleEvent` handler gets with `@Ctx()`: the event, and `effects`, where it queues
 * writes that are stored with the rest of its partition's batch before the offsets are committed.
 */
export class EventContext extends BaseRpcContext<[ReceivedEvent, EventEffects]> {
  get event(): ReceivedEvent {
    return this.getArgByIndex(0);
  }

  get effects(): EventEffects {
    return this.getArgByIndex(1);
  }
}
