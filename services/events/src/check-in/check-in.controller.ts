import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { assertOwnEvent, type AuthorizedPrincipal, CurrentPrincipal, eventActorOf, Roles } from '@technopark/security';
import { RegistrationView, registrationView } from '../registrations/registration.view';
import { CheckInService } from './check-in.service';
import { CheckInDto, WalkInDto } from './dto/check-in.dto';

@ApiTags('check-in')
@Controller('v1/events/:eventId')
export class CheckInController {
  constructor(private readonly checkIn: CheckInService) {}

  @Post('check-ins')
  @Roles('site-staff', 'event-host')
  @ApiOperation({ summary: 'Check a registrant in with the code of their QR code: each code is taken once' })
  @ApiCreatedResponse({ type: RegistrationView })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'CHECK_IN.ALREADY_USED' })
  @ApiUnprocessableEntityResponse({
    description:
      'CHECK_IN.CODE_INVALID, CHECK_IN.OTHER_EVENT, CHECK_IN.CODE_VOID, CHECK_IN.NOT_CONFIRMED, CHECK_IN.EVENT_NOT_OPEN',
  })
  async checkInWithCode(
    @Param('eventId') eventId: string,
    @Body() body: CheckInDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<RegistrationView> {
    assertOwnEvent(principal, eventId);
    return registrationView(await this.checkIn.checkIn(eventId, body.code, eventActorOf(principal)));
  }

  @Post('walk-ins')
  @Roles('site-staff', 'event-host')
  @ApiOperation({ summary: 'Let in someone without a registration: counted as a walk-in' })
  @ApiCreatedResponse({ type: RegistrationView })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'CHECK_IN.WALK_IN_NEEDS_SOMEONE, CHECK_IN.EVENT_NOT_OPEN' })
  async walkIn(
    @Param('eventId') eventId: string,
    @Body() body: WalkInDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<RegistrationView> {
    assertOwnEvent(principal, eventId);
    return registrationView(await this.checkIn.walkIn(eventId, body, eventActorOf(principal)));
  }
}
