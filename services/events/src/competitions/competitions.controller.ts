import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { assertOwnEvent, type AuthorizedPrincipal, CurrentPrincipal, eventActorOf, Roles } from '@technopark/security';
import { CompetitionView, competitionView } from './competition.view';
import { CompetitionsService } from './competitions.service';
import { PublishResultsDto, SetUpCompetitionDto } from './dto/competition.dto';
import { byStanding, StandingsView, standingView } from './team.view';

@ApiTags('competitions')
@Controller('v1/events/:eventId/competition')
export class CompetitionsController {
  constructor(private readonly competitions: CompetitionsService) {}

  @Put()
  @Roles('site-staff')
  @ApiOperation({
    summary: 'Set up how a competition or hackathon is judged: rubric, jury and prizes (the whole of it)',
  })
  @ApiOkResponse({ type: CompetitionView })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND' })
  @ApiConflictResponse({
    description:
      'COMPETITION.RESULTS_PUBLISHED, COMPETITION.SCORING_STARTED, COMPETITION.EVENT_NOT_OPEN, COMPETITION.CHANGED',
  })
  @ApiUnprocessableEntityResponse({
    description: 'COMPETITION.NOT_JUDGED, COMPETITION.DUPLICATE_CRITERION, COMPETITION.DUPLICATE_PRIZE_RANK',
  })
  async setUp(
    @Param('eventId') eventId: string,
    @Body() body: SetUpCompetitionDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<CompetitionView> {
    return competitionView(await this.competitions.setUp(eventId, body, eventActorOf(principal)));
  }

  @Get()
  @Roles('site-staff', 'committee-member', 'event-host')
  @ApiOperation({ summary: 'How the competition is judged, and its results once published' })
  @ApiOkResponse({ type: CompetitionView })
  @ApiNotFoundResponse({ description: 'COMPETITION.NOT_SET_UP' })
  async get(
    @Param('eventId') eventId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<CompetitionView> {
    assertOwnEvent(principal, eventId);
    return competitionView(await this.competitions.get(eventId));
  }

  @Get('standings')
  @Roles('site-staff', 'committee-member', 'event-host')
  @ApiOperation({ summary: "Each team's scores so far; ranked (ties sharing a rank) once every juror scored it" })
  @ApiOkResponse({ type: StandingsView })
  @ApiNotFoundResponse({ description: 'COMPETITION.NOT_SET_UP' })
  async standings(
    @Param('eventId') eventId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<StandingsView> {
    assertOwnEvent(principal, eventId);
    const { competition, standings } = await this.competitions.standings(eventId);
    return {
      status: competition.results ? 'results-published' : 'judging',
      items: [...standings].sort(byStanding).map(standingView),
    };
  }

  @Post('results')
  @HttpCode(200)
  @Roles('site-staff')
  @ApiOperation({
    summary:
      'Publish the results once every juror scored every team: ranks, winners and prizes go out with competition.results-published',
  })
  @ApiOkResponse({ type: CompetitionView })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND, COMPETITION.NOT_SET_UP' })
  @ApiConflictResponse({
    description: 'COMPETITION.RESULTS_PUBLISHED, COMPETITION.EVENT_NOT_OPEN, COMPETITION.CHANGED',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'COMPETITION.NOT_JUDGED, COMPETITION.NOT_HELD_YET, COMPETITION.NO_TEAMS, COMPETITION.SCORING_INCOMPLETE, COMPETITION.TIE_FOR_PRIZE',
  })
  async publishResults(
    @Param('eventId') eventId: string,
    @Body() body: PublishResultsDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<CompetitionView> {
    return competitionView(await this.competitions.publishResults(eventId, body, eventActorOf(principal)));
  }
}
