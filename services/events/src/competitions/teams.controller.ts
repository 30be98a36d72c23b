import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { assertOwnEvent, type AuthorizedPrincipal, CurrentPrincipal, eventActorOf, Roles } from '@technopark/security';
import { EnterTeamDto, ScoreTeamDto } from './dto/competition.dto';
import { JuryScoreView, juryScoreView, TeamList, TeamView, teamView } from './team.view';
import { TeamsService } from './teams.service';

@ApiTags('competitions')
@Controller('v1/events/:eventId/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @Roles('site-staff', 'startup', 'individual')
  @ApiOperation({
    summary:
      'Enter a team: a startup registered at the event, or a group of people each registered (a person enters a group they are in)',
  })
  @ApiCreatedResponse({ type: TeamView })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND' })
  @ApiConflictResponse({
    description: 'TEAM.EXISTS, TEAM.MEMBER_TAKEN, COMPETITION.RESULTS_PUBLISHED, COMPETITION.EVENT_NOT_OPEN',
  })
  @ApiUnprocessableEntityResponse({
    description: 'COMPETITION.NOT_JUDGED, TEAM.STARTUP_OR_MEMBERS, TEAM.NOT_REGISTERED, TEAM.WITHOUT_YOU',
  })
  async enter(
    @Param('eventId') eventId: string,
    @Body() body: EnterTeamDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<TeamView> {
    return teamView(await this.teams.enter(eventId, body, principal, eventActorOf(principal)));
  }

  @Get()
  @Roles('site-staff', 'committee-member', 'event-host')
  @ApiOperation({ summary: 'The teams entered, in the order they entered' })
  @ApiOkResponse({ type: TeamList })
  async list(@Param('eventId') eventId: string, @CurrentPrincipal() principal: AuthorizedPrincipal): Promise<TeamList> {
    assertOwnEvent(principal, eventId);
    return { items: (await this.teams.teams(eventId)).map(teamView) };
  }

  @Put(':teamId/score')
  @Roles('committee-member', 'event-host')
  @ApiOperation({ summary: "A juror's marks for a team by the rubric: one score per juror, scoring again replaces it" })
  @ApiOkResponse({ type: JuryScoreView })
  @ApiForbiddenResponse({ description: 'AUTH.NOT_A_JUROR, AUTH.NOT_YOUR_EVENT' })
  @ApiNotFoundResponse({ description: 'COMPETITION.NOT_SET_UP, TEAM.NOT_FOUND' })
  @ApiConflictResponse({ description: 'COMPETITION.RESULTS_PUBLISHED' })
  @ApiUnprocessableEntityResponse({ description: 'COMPETITION.MARKS_DO_NOT_FIT_RUBRIC' })
  async score(
    @Param('eventId') eventId: string,
    @Param('teamId') teamId: string,
    @Body() body: ScoreTeamDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<JuryScoreView> {
    return juryScoreView(await this.teams.score(eventId, teamId, body, principal));
  }
}
