import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IdempotencyKey, PageQuery } from '@technopark/platform';
import { type AuthorizedPrincipal, CurrentPrincipal, eventActorOf, Roles } from '@technopark/security';
import type { Response } from 'express';
import { CheckInService } from '../check-in/check-in.service';
import { RegisterDto } from './dto/registration.dto';
import { assertOwnRegistration, registrantFor } from './registrant-of';
import { RegistrationPage, RegistrationView, registrationView } from './registration.view';
import { RegistrationsService } from './registrations.service';
import type { Registration } from './schemas/registration.schema';

const REGISTRATION_RULES =
  'REGISTRATION.EVENT_NOT_OPEN, REGISTRATION.WINDOW_CLOSED, REGISTRATION.NOT_ELIGIBLE, REGISTRATION.TOO_MANY_SEATS, REGISTRATION.STARTUP_REQUIRED, REGISTRATION.ONE_SEAT, REQUEST.IDEMPOTENCY_KEY_REUSED';

@ApiTags('registrations')
@Controller('v1/events/:eventId/registrations')
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly checkIn: CheckInService,
  ) {}

  @Post()
  @Roles('site-staff', 'startup', 'individual')
  @ApiOperation({
    summary: 'Register a startup (for a number of its members) or oneself: confirmed within capacity, else waitlisted',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key answers the first result',
  })
  @ApiCreatedResponse({ type: RegistrationView })
  @ApiOkResponse({ type: RegistrationView, description: 'A retry with the same Idempotency-Key: the first result' })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'REGISTRATION.EXISTS' })
  @ApiUnprocessableEntityResponse({ description: REGISTRATION_RULES })
  async register(
    @Param('eventId') eventId: string,
    @Body() body: RegisterDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegistrationView> {
    const { registrant, seats } = registrantFor(principal, body);
    const { registration, replayed } = await this.registrations.register(eventId, {
      registrant,
      seats,
      actor: eventActorOf(principal),
      ...(idempotencyKey && { idempotencyKey }),
      body,
    });
    if (replayed) {
      response.status(200);
      response.setHeader('Idempotent-Replayed', 'true');
    }
    return this.view(registration);
  }

  @Get()
  @Roles('site-staff')
  @ApiOperation({ summary: "An event's registrations, by id" })
  @ApiOkResponse({ type: RegistrationPage })
  async list(@Param('eventId') eventId: string, @Query() query: PageQuery): Promise<RegistrationPage> {
    const page = await this.registrations.list(eventId, query);
    return { items: await Promise.all(page.items.map((each) => this.view(each))), nextCursor: page.nextCursor };
  }

  @Get(':registrationId')
  @Roles('site-staff', 'startup', 'individual')
  @ApiOkResponse({ type: RegistrationView })
  @ApiNotFoundResponse({ description: 'REGISTRATION.NOT_FOUND' })
  async get(
    @Param('eventId') eventId: string,
    @Param('registrationId') id: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<RegistrationView> {
    const registration = await this.registrations.get(eventId, id);
    assertOwnRegistration(principal, registration);
    return this.view(registration);
  }

  @Post(':registrationId/cancel')
  @HttpCode(200)
  @Roles('site-staff', 'startup', 'individual')
  @ApiOperation({ summary: 'Cancel a registration; its seats go to the head of the waiting list' })
  @ApiOkResponse({ type: RegistrationView })
  @ApiNotFoundResponse({ description: 'REGISTRATION.NOT_FOUND' })
  @ApiConflictResponse({ description: 'REGISTRATION.CANCELLED, REGISTRATION.CHANGED' })
  async cancel(
    @Param('eventId') eventId: string,
    @Param('registrationId') id: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<RegistrationView> {
    const registration = await this.registrations.get(eventId, id);
    assertOwnRegistration(principal, registration);
    const reason =
      principal.actingAs === 'site-staff' || principal.actingAs === 'platform-admin' ? 'staff' : 'registrant';
    return this.view(await this.registrations.cancel(registration, reason, eventActorOf(principal)));
  }

  private async view(registration: Registration): Promise<RegistrationView> {
    const position = await this.registrations.positionOf(registration);
    const checkInCode = this.checkIn.codeOf(registration);
    return registrationView(registration, { ...(position && { position }), ...(checkInCode && { checkInCode }) });
  }
}
