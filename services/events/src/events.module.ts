import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CalendarsController } from './calendars/calendars.controller';
import { CalendarsService } from './calendars/calendars.service';
import { CompetitionsController } from './competitions/competitions.controller';
import { CompetitionsRepository } from './competitions/competitions.repository';
import { CompetitionsService } from './competitions/competitions.service';
import { PublicResultsController } from './competitions/public-results.controller';
import { Competition, CompetitionSchema } from './competitions/schemas/competition.schema';
import { JuryScore, JuryScoreSchema } from './competitions/schemas/jury-score.schema';
import { Team, TeamSchema } from './competitions/schemas/team.schema';
import { TeamsController } from './competitions/teams.controller';
import { TeamsService } from './competitions/teams.service';
import { CheckInController } from './check-in/check-in.controller';
import { CheckInService } from './check-in/check-in.service';
import { SigningSecret } from './config/signing-secret';
import { EventsSweeper } from './events-sweeper';
import { InterestsController } from './interests/interests.controller';
import { InterestsService } from './interests/interests.service';
import { InvestorInterest, InvestorInterestSchema } from './interests/schemas/investor-interest.schema';
import { RegistrationsController } from './registrations/registrations.controller';
import { RegistrationsRepository } from './registrations/registrations.repository';
import { RegistrationsService } from './registrations/registrations.service';
import { Registration, RegistrationSchema } from './registrations/schemas/registration.schema';
import { RoomEventsConsumer } from './rooms/room-events.consumer';
import { RoomsController } from './rooms/rooms.controller';
import { RoomsRepository } from './rooms/rooms.repository';
import { RoomsService } from './rooms/rooms.service';
import { Room, RoomSchema } from './rooms/schemas/room.schema';
import { PublicEventsController } from './site-events/public-events.controller';
import { SiteEvent, SiteEventSchema } from './site-events/schemas/site-event.schema';
import { SiteEventsController } from './site-events/site-events.controller';
import { SiteEventsRepository } from './site-events/site-events.repository';
import { SeasonSeeder } from './site-events/season-seeder';
import { SiteEventsService } from './site-events/site-events.service';
import { StartupStanding, StartupStandingSchema } from './standing/schemas/startup-standing.schema';
import { StandingEventsConsumer } from './standing/standing-events.consumer';
import { StandingRepository } from './standing/standing.repository';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Room.name, schema: RoomSchema },
      { name: StartupStanding.name, schema: StartupStandingSchema },
      { name: SiteEvent.name, schema: SiteEventSchema },
      { name: Registration.name, schema: RegistrationSchema },
      { name: InvestorInterest.name, schema: InvestorInterestSchema },
      { name: Competition.name, schema: CompetitionSchema },
      { name: Team.name, schema: TeamSchema },
      { name: JuryScore.name, schema: JuryScoreSchema },
    ]),
  ],
  controllers: [
    SiteEventsController,
    PublicEventsController,
    RegistrationsController,
    CheckInController,
    CalendarsController,
    InterestsController,
    CompetitionsController,
    TeamsController,
    PublicResultsController,
    RoomsController,
    RoomEventsConsumer,
    StandingEventsConsumer,
  ],
  providers: [
    SigningSecret,
    RoomsRepository,
    RoomsService,
    StandingRepository,
    SiteEventsRepository,
    SiteEventsService,
    RegistrationsRepository,
    RegistrationsService,
    CheckInService,
    CalendarsService,
    InterestsService,
    CompetitionsRepository,
    CompetitionsService,
    TeamsService,
    EventsSweeper,
    SeasonSeeder,
  ],
})
export class EventsModule {}
