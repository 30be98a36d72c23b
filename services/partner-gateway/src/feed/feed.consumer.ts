import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ApplicationAccepted,
  type ApplicationAcceptedV1,
  ApplicationSubmitted,
  type ApplicationSubmittedV1,
  CompetitionResultsPublished,
  type CompetitionResultsPublishedV1,
  FundingRaised,
  type FundingRaisedV1,
  ResidencyEnded,
  type ResidencyEndedV1,
  ResidencyStarted,
  type ResidencyStartedV1,
  ResidentReportSubmitted,
  type ResidentReportSubmittedV1,
  StartupProfileUpdated,
  type StartupProfileUpdatedV1,
  StartupRegistered,
  type StartupRegisteredV1,
} from '@technopark/contracts';
import { HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { HeldScopes } from '../consents/held-scopes';
import { StartupDirectoryService } from '../directory/startup-directory.service';
import { FeedRouter } from './feed-router';

/**
 * Every site's events partners may receive something of, read from HQ's replicated topics. A
 * profile event updates the directory before it is routed, so its own filters see it.
 */
@Controller()
export class FeedConsumer {
  constructor(
    private readonly router: FeedRouter,
    private readonly directory: StartupDirectoryService,
    private readonly heldScopes: HeldScopes,
  ) {}

  @HandleEvent(StartupRegistered)
  async registered(@Payload() event: ReceivedEvent<StartupRegisteredV1>): Promise<void> {
    await this.recordProfile(event);
    await this.router.route(StartupRegistered, event);
  }

  @HandleEvent(StartupProfileUpdated)
  async profileUpdated(@Payload() event: ReceivedEvent<StartupProfileUpdatedV1>): Promise<void> {
    await this.recordProfile(event);
    await this.router.route(StartupProfileUpdated, event);
  }

  @HandleEvent(ApplicationSubmitted)
  async submitted(@Payload() event: ReceivedEvent<ApplicationSubmittedV1>): Promise<void> {
    await this.router.route(ApplicationSubmitted, event);
  }

  @HandleEvent(ApplicationAccepted)
  async accepted(@Payload() event: ReceivedEvent<ApplicationAcceptedV1>): Promise<void> {
    await this.router.route(ApplicationAccepted, event);
  }

  @HandleEvent(ResidencyStarted)
  async residencyStarted(@Payload() event: ReceivedEvent<ResidencyStartedV1>): Promise<void> {
    await this.router.route(ResidencyStarted, event);
  }

  @HandleEvent(ResidencyEnded)
  async residencyEnded(@Payload() event: ReceivedEvent<ResidencyEndedV1>): Promise<void> {
    await this.router.route(ResidencyEnded, event);
  }

  @HandleEvent(ResidentReportSubmitted)
  async reported(@Payload() event: ReceivedEvent<ResidentReportSubmittedV1>): Promise<void> {
    await this.router.route(ResidentReportSubmitted, event);
  }

  @HandleEvent(FundingRaised)
  async raised(@Payload() event: ReceivedEvent<FundingRaisedV1>): Promise<void> {
    await this.router.route(FundingRaised, event);
  }

  @HandleEvent(CompetitionResultsPublished)
  async placed(@Payload() event: ReceivedEvent<CompetitionResultsPublishedV1>): Promise<void> {
    await this.router.route(CompetitionResultsPublished, event);
  }

  /** The directory first, then what partners hold follows the sharing flag it carries. */
  private async recordProfile(event: ReceivedEvent<StartupRegisteredV1>): Promise<void> {
    await this.directory.record(event);
    this.heldScopes.profileWritten(event.data.startupId, event.data.partnerSharingConsent);
  }
}
