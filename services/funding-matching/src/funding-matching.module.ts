import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FundingSweeper } from './funding-sweeper';
import { FunderSeeder } from './funders/funder-seeder';
import { FundersController } from './funders/funders.controller';
import { FundersRepository } from './funders/funders.repository';
import { FundersService } from './funders/funders.service';
import { Funder, FunderSchema } from './funders/schemas/funder.schema';
import { FundingsController } from './fundings/fundings.controller';
import { FundingsRepository } from './fundings/fundings.repository';
import { FundingsService } from './fundings/fundings.service';
import { PrizeEventsConsumer } from './fundings/prize-events.consumer';
import { PrizeFundings } from './fundings/prize-fundings.service';
import { Funding, FundingSchema } from './fundings/schemas/funding.schema';
import { InterestEventsConsumer } from './introductions/interest-events.consumer';
import { IntroductionActionsController } from './introductions/introduction-actions.controller';
import { IntroductionPresenter } from './introductions/introduction-presenter';
import { IntroductionQueries } from './introductions/introduction-queries';
import { IntroductionWorkflowService } from './introductions/introduction-workflow.service';
import { IntroductionsController } from './introductions/introductions.controller';
import { IntroductionsRepository } from './introductions/introductions.repository';
import { Introduction, IntroductionSchema } from './introductions/schemas/introduction.schema';
import { MatchCurationService } from './matching/match-curation.service';
import { MatchRecomputer } from './matching/match-recomputer';
import { MatchesController } from './matching/matches.controller';
import { MatchesRepository } from './matching/matches.repository';
import { MatchesService } from './matching/matches.service';
import { MatchingQueue } from './matching/matching-queue';
import { MatchRow, MatchRowSchema } from './matching/schemas/match-row.schema';
import { MatchWeightsVersion, MatchWeightsVersionSchema } from './matching/schemas/match-weights.schema';
import { QualifiedMatch, QualifiedMatchSchema } from './matching/schemas/qualified-match.schema';
import { WeightsController } from './matching/weights.controller';
import { WeightsRepository } from './matching/weights.repository';
import { WeightsService } from './matching/weights.service';
import { FundingProfilesController } from './profiles/funding-profiles.controller';
import { ProfileEventsConsumer } from './profiles/profile-events.consumer';
import { ProfilesRepository } from './profiles/profiles.repository';
import { ProfilesService } from './profiles/profiles.service';
import { StartupProfile, StartupProfileSchema } from './profiles/schemas/startup-profile.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Funder.name, schema: FunderSchema },
      { name: StartupProfile.name, schema: StartupProfileSchema },
      { name: MatchRow.name, schema: MatchRowSchema },
      { name: QualifiedMatch.name, schema: QualifiedMatchSchema },
      { name: MatchWeightsVersion.name, schema: MatchWeightsVersionSchema },
      { name: Introduction.name, schema: IntroductionSchema },
      { name: Funding.name, schema: FundingSchema },
    ]),
  ],
  controllers: [
    FundersController,
    FundingProfilesController,
    MatchesController,
    WeightsController,
    IntroductionsController,
    IntroductionActionsController,
    FundingsController,
    ProfileEventsConsumer,
    InterestEventsConsumer,
    PrizeEventsConsumer,
  ],
  providers: [
    FundersRepository,
    FundersService,
    FunderSeeder,
    ProfilesRepository,
    ProfilesService,
    MatchesRepository,
    WeightsRepository,
    MatchRecomputer,
    MatchingQueue,
    MatchesService,
    MatchCurationService,
    WeightsService,
    IntroductionsRepository,
    IntroductionQueries,
    IntroductionWorkflowService,
    IntroductionPresenter,
    FundingsRepository,
    FundingsService,
    PrizeFundings,
    FundingSweeper,
  ],
})
export class FundingMatchingModule {}
