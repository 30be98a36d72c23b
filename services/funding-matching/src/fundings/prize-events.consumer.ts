import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CompetitionResultsPublished, type CompetitionResultsPublishedV1 } from '@technopark/contracts';
import { HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { PrizeFundings } from './prize-fundings.service';

/** Competitions' results (the events service): their cash prizes sponsored by a funder become raises. */
@Controller()
export class PrizeEventsConsumer {
  constructor(private readonly prizes: PrizeFundings) {}

  @HandleEvent(CompetitionResultsPublished)
  async published(@Payload() event: ReceivedEvent<CompetitionResultsPublishedV1>): Promise<void> {
    await this.prizes.record(event.data, event.time);
  }
}
