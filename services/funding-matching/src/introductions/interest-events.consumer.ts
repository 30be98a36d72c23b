import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { InvestorInterestRecorded, type InvestorInterestRecordedV1 } from '@technopark/contracts';
import { HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { IntroductionWorkflowService } from './introduction-workflow.service';

/** Codes of a well-formed interest that cannot become an introduction: logged, never retried. */
const NOT_INTRODUCIBLE = new Set([
  'INTRODUCTION.NO_MATCH',
  'INTRODUCTION.MATCH_SUPPRESSED',
  'INTRODUCTION.NOT_ELIGIBLE',
  'INTRODUCTION.EXISTS',
]);

/**
 * Interests recorded at investor sessions (the events service): each asks the startup to consent to
 * an introduction to the funder. One already open for the pair, or a pair the funder's gates refuse,
 * ends here with a log line: the event is valid, only the introduction is not to be.
 */
@Controller()
export class InterestEventsConsumer {
  private readonly logger = new Logger('investor-interests');

  constructor(private readonly workflow: IntroductionWorkflowService) {}

  @HandleEvent(InvestorInterestRecorded)
  async recorded(@Payload() event: ReceivedEvent<InvestorInterestRecordedV1>): Promise<void> {
    try {
      await this.workflow.requestForInterest(event.data);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !NOT_INTRODUCIBLE.has(code)) throw error;
      this.logger.log({ msg: 'interest not made an introduction', code, interestId: event.data.interestId });
    }
  }
}
