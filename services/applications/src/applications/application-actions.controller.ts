import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthorizedPrincipal, CurrentPrincipal, Roles } from '@technopark/security';
import type { Response } from 'express';
import { IdempotencyKey } from '@technopark/platform';
import { ApplicationWorkflowService, type MoveResult } from './application-workflow.service';
import { applicationViewFor } from './application-view';
import { APPLICATION_ACTION_ROLES } from './domain/application-lifecycle';
import { DecideApplicationDto, ScoreApplicationDto } from './dto/application-actions.dto';
import { ApplicationView } from './dto/application.views';

const ILLEGAL = { description: 'APPLICATION.ILLEGAL_TRANSITION, with currentStatus and allowedActions' };

/** The application after a move, flagged when a retry was answered from the first attempt. */
function answer(principal: AuthorizedPrincipal, response: Response, { application, replayed }: MoveResult): object {
  if (replayed) response.setHeader('Idempotent-Replayed', 'true');
  return applicationViewFor(principal)(application);
}

@ApiTags('applications')
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key answers the application instead of a 409',
})
@ApiOkResponse({ type: ApplicationView, description: 'The application after the move' })
@ApiConflictResponse(ILLEGAL)
@Controller('v1/applications/:applicationId')
export class ApplicationActionsController {
  constructor(private readonly workflow: ApplicationWorkflowService) {}

  @Post('submit')
  @HttpCode(200)
  @Roles(...APPLICATION_ACTION_ROLES['submit'])
  @ApiOperation({ summary: 'Submit a draft while its call is open' })
  @ApiUnprocessableEntityResponse({ description: 'APPLICATION.CALL_NOT_OPEN, with the window' })
  async submit(
    @Param('applicationId') id: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(principal, response, await this.workflow.submit(id, principal, key));
  }

  @Post('withdraw')
  @HttpCode(200)
  @Roles(...APPLICATION_ACTION_ROLES['withdraw'])
  @ApiOperation({ summary: 'Withdraw before a decision' })
  async withdraw(
    @Param('applicationId') id: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(principal, response, await this.workflow.withdraw(id, principal, key));
  }

  @Post('review')
  @HttpCode(200)
  @Roles(...APPLICATION_ACTION_ROLES['start-review'])
  @ApiOperation({ summary: 'Screened: hand a submitted application to the committee' })
  async startReview(
    @Param('applicationId') id: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(principal, response, await this.workflow.startReview(id, principal, key));
  }

  @Post('scores')
  @HttpCode(200)
  @Roles(...APPLICATION_ACTION_ROLES['score'])
  @ApiOperation({ summary: "Score against the program's rubric (marks out of 10); scoring again replaces your score" })
  @ApiUnprocessableEntityResponse({ description: 'APPLICATION.MARKS_DO_NOT_FIT_RUBRIC' })
  async score(
    @Param('applicationId') id: string,
    @Body() body: ScoreApplicationDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(principal, response, await this.workflow.score(id, body, principal, key));
  }

  @Post('decision')
  @HttpCode(200)
  @Roles(...APPLICATION_ACTION_ROLES['accept'])
  @ApiOperation({ summary: 'Accept, reject or waitlist, with a reason (needs DECISION_MINIMUM_SCORES scores)' })
  @ApiUnprocessableEntityResponse({ description: 'APPLICATION.NOT_ENOUGH_SCORES' })
  async decide(
    @Param('applicationId') id: string,
    @Body() body: DecideApplicationDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(principal, response, await this.workflow.decide(id, body, principal, key));
  }
}
