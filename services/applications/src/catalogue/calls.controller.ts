import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { mapPage } from '@technopark/platform';
import type { ActorV1 } from '@technopark/contracts';
import { CurrentActor, ROLES, Roles } from '@technopark/security';
import { callView } from './catalogue-view';
import { CatalogueService } from './catalogue.service';
import { CallQuery } from './dto/call-query.dto';
import { CreateCallDto, UpdateCallDto } from './dto/call.dto';
import { CallPage, CallView } from './dto/catalogue.views';

@ApiTags('calls')
@Controller('v1')
export class CallsController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Post('programs/:programId/calls')
  @HttpCode(201)
  @Roles('site-staff')
  @ApiOperation({ summary: 'Open an application window (call) of a program' })
  @ApiCreatedResponse({ type: CallView })
  @ApiNotFoundResponse({ description: 'CATALOGUE.PROGRAM_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CATALOGUE.CALL_EXISTS' })
  async create(@Param('programId') programId: string, @Body() body: CreateCallDto, @CurrentActor() actor: ActorV1) {
    return callView(await this.catalogue.createCall(programId, body, actor));
  }

  @Patch('calls/:callId')
  @Roles('site-staff')
  @ApiOperation({ summary: "Move a call's window or change its cohort capacity" })
  @ApiOkResponse({ type: CallView })
  async update(@Param('callId') id: string, @Body() body: UpdateCallDto, @CurrentActor() actor: ActorV1) {
    return callView(await this.catalogue.updateCall(id, body, actor));
  }

  @Get('calls')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Calls, soonest closing first; `openAt=<now>` lists the open ones' })
  @ApiOkResponse({ type: CallPage })
  async list(@Query() query: CallQuery) {
    return mapPage(await this.catalogue.calls(query), callView);
  }

  @Get('calls/:callId')
  @Roles(...ROLES)
  @ApiOkResponse({ type: CallView })
  @ApiNotFoundResponse({ description: 'CATALOGUE.CALL_NOT_FOUND' })
  async get(@Param('callId') id: string) {
    return callView(await this.catalogue.call(id));
  }
}
