import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IdempotencyKey } from '@technopark/platform';
import { type AuthorizedPrincipal, CurrentPrincipal, Roles } from '@technopark/security';
import type { Response } from 'express';
import { INTRODUCTION_ACTION_ROLES, type IntroductionAction } from './domain/introduction-lifecycle';
import { DeclineIntroductionDto, IntroductionNoteDto } from './dto/introduction.dto';
import { IntroductionPresenter } from './introduction-presenter';
import { IntroductionView } from './introduction.view';
import { IntroductionWorkflowService } from './introduction-workflow.service';

/** The moves of an introduction after it was asked for. Raising money (`fund`) is recorded at POST /v1/fundings. */
@ApiTags('introductions')
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key answers the introduction instead of a 409',
})
@ApiOkResponse({ type: IntroductionView, description: 'The introduction after the move' })
@ApiNotFoundResponse({ description: 'INTRODUCTION.NOT_FOUND' })
@ApiConflictResponse({
  description: 'INTRODUCTION.ILLEGAL_TRANSITION, with currentStatus and allowedActions; INTRODUCTION.CHANGED',
})
@Controller('v1/introductions/:introductionId')
export class IntroductionActionsController {
  constructor(
    private readonly workflow: IntroductionWorkflowService,
    private readonly presenter: IntroductionPresenter,
  ) {}

  @Post('consent')
  @HttpCode(200)
  @Roles(...INTRODUCTION_ACTION_ROLES.consent)
  @ApiOperation({ summary: 'The startup consents: the funder sees its name and details, and is asked' })
  consent(
    @Param('introductionId') id: string,
    @Body() body: IntroductionNoteDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.move(id, 'consent', body, [principal, key, response]);
  }

  @Post('accept')
  @HttpCode(200)
  @Roles(...INTRODUCTION_ACTION_ROLES.accept)
  @ApiOperation({ summary: "The funder's contact accepts: the deal pipeline starts" })
  accept(
    @Param('introductionId') id: string,
    @Body() body: IntroductionNoteDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.move(id, 'accept', body, [principal, key, response]);
  }

  @Post('decline')
  @HttpCode(200)
  @Roles(...INTRODUCTION_ACTION_ROLES.decline)
  @ApiOperation({ summary: "The funder's contact declines, with a reason" })
  decline(
    @Param('introductionId') id: string,
    @Body() body: DeclineIntroductionDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.move(id, 'decline', body, [principal, key, response]);
  }

  @Post('meet')
  @HttpCode(200)
  @Roles(...INTRODUCTION_ACTION_ROLES.meet)
  @ApiOperation({ summary: 'A first meeting took place' })
  meet(
    @Param('introductionId') id: string,
    @Body() body: IntroductionNoteDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.move(id, 'meet', body, [principal, key, response]);
  }

  @Post('diligence')
  @HttpCode(200)
  @Roles(...INTRODUCTION_ACTION_ROLES.diligence)
  @ApiOperation({ summary: 'Due diligence started' })
  diligence(
    @Param('introductionId') id: string,
    @Body() body: IntroductionNoteDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.move(id, 'diligence', body, [principal, key, response]);
  }

  @Post('term-sheet')
  @HttpCode(200)
  @Roles(...INTRODUCTION_ACTION_ROLES['term-sheet'])
  @ApiOperation({ summary: 'A term sheet was issued' })
  termSheet(
    @Param('introductionId') id: string,
    @Body() body: IntroductionNoteDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.move(id, 'term-sheet', body, [principal, key, response]);
  }

  @Post('close')
  @HttpCode(200)
  @Roles(...INTRODUCTION_ACTION_ROLES.close)
  @ApiOperation({ summary: 'End the introduction without funding, with a reason' })
  close(
    @Param('introductionId') id: string,
    @Body() body: DeclineIntroductionDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.move(id, 'close', body, [principal, key, response]);
  }

  private async move(
    id: string,
    action: IntroductionAction,
    body: IntroductionNoteDto & { reason?: DeclineIntroductionDto['reason'] },
    [principal, key, response]: Caller,
  ): Promise<IntroductionView> {
    const result = await this.workflow.move(id, action, principal, {
      idempotencyKey: key,
      note: body.note,
      reason: body.reason,
    });
    return this.presenter.answer(principal, response, result);
  }
}

type Caller = [principal: AuthorizedPrincipal, key: string | undefined, response: Response];
