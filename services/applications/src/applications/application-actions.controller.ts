import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { type AuthorizedPrincipal, CurrentPrincipal, Roles } from '@technopark/security';
import { ApplicationWorkflowService } from './application-workflow.service';
import { applicationViewFor } from './application-view';
import { DecideApplicationDto, ScoreApplicationDto } from './dto/application-actions.dto';

const ILLEGAL = { description: 'APPLICATION.ILLEGAL_TRANSITION, with currentStatus and allowedActions' };

@ApiTags('applications')
@ApiOkResponse({ description: 'The application after the move' })
@ApiConflictResponse(ILLEGAL)
@Controller('v1/applications/:applicationId')
export class ApplicationActionsController {
  constructor(private readonly workflow: ApplicationWorkflowService) {}

  @Post('submit')
  @HttpCode(200)
  @Roles('startup', 'site-staff')
  @ApiOperation({ summary: 'Submit a draft while its call is open' })
  @ApiUnprocessableEntityResponse({ description: 'APPLICATION.CALL_NOT_OPEN, with the window' })
  async submit(@Param('applicationId') id: string, @CurrentPrincipal() principal: AuthorizedPrincipal) {
    return applicationViewFor(principal)(await this.workflow.submit(id, principal));
  }

  @Post('withdraw')
  @HttpCode(200)
  @Roles('startup', 'site-staff')
  @ApiOperation({ summary: 'Withdraw before a decision' })
  async withdraw(@Param('applicationId') id: string, @CurrentPrincipal() principal: AuthorizedPrincipal) {
    return applicationViewFor(principal)(await this.workflow.withdraw(id, principal));
  }

  @Post('review')
  @HttpCode(200)
  @Roles('site-staff')
  @ApiOperation({ summary: 'Screened: hand a submitted application to the committee' })
  async startReview(@Param('applicationId') id: string, @CurrentPrincipal() principal: AuthorizedPrincipal) {
    return applicationViewFor(principal)(await this.workflow.startReview(id, principal));
  }

  @Post('scores')
  @HttpCode(200)
  @Roles('committee-member')
  @ApiOperation({ summary: "Score against the program's rubric (marks out of 10); scoring again replaces your score" })
  @ApiUnprocessableEntityResponse({ description: 'APPLICATION.MARKS_DO_NOT_FIT_RUBRIC' })
  async score(@Param('applicationId') id: string, @Body() body: ScoreApplicationDto, @CurrentPrincipal() principal: AuthorizedPrincipal) {
    return applicationViewFor(principal)(await this.workflow.score(id, body, principal));
  }

  @Post('decision')
  @HttpCode(200)
  @Roles('site-staff', 'committee-member')
  @ApiOperation({ summary: 'Accept, reject or waitlist, with a reason (needs DECISION_MINIMUM_SCORES scores)' })
  @ApiUnprocessableEntityResponse({ description: 'APPLICATION.NOT_ENOUGH_SCORES' })
  async decide(@Param('applicationId') id: string, @Body() body: DecideApplicationDto, @CurrentPrincipal() principal: AuthorizedPrincipal) {
    return applicationViewFor(principal)(await this.workflow.decide(id, body, principal));
  }
}
