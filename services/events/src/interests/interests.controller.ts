import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { assertOwnFunder, type AuthorizedPrincipal, CurrentPrincipal, eventActorOf, Roles } from '@technopark/security';
import { RecordInterestDto } from './dto/investor-interest.dto';
import { InterestsService } from './interests.service';
import type { InvestorInterest } from './schemas/investor-interest.schema';

export class InterestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'plug-and-play-morocco' }) funderId!: string;
  @ApiProperty({ format: 'uuid' }) startupId!: string;
  @ApiPropertyOptional() note?: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class InterestList {
  @ApiProperty({ type: [InterestView] }) items!: InterestView[];
}

function interestView(interest: InvestorInterest): InterestView {
  return {
    id: interest._id,
    eventId: interest.eventId,
    funderId: interest.funderId,
    startupId: interest.startupId,
    ...(interest.note && { note: interest.note }),
    recordedAt: new Date(interest.createdAt).toISOString(),
  };
}

@ApiTags('investor sessions')
@Controller('v1/events/:eventId/interests')
export class InterestsController {
  constructor(private readonly interests: InterestsService) {}

  @Post()
  @Roles('site-staff', 'funder')
  @ApiOperation({
    summary:
      "Record a funder's interest in a startup that pitched: funding matching asks the startup to consent to an introduction",
  })
  @ApiCreatedResponse({ type: InterestView })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'INTEREST.EXISTS' })
  @ApiUnprocessableEntityResponse({
    description:
      'INTEREST.NOT_AN_INVESTOR_SESSION, INTEREST.SESSION_NOT_OPEN, INTEREST.FUNDER_NOT_INVITED, INTEREST.STARTUP_NOT_PITCHING',
  })
  async record(
    @Param('eventId') eventId: string,
    @Body() body: RecordInterestDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<InterestView> {
    assertOwnFunder(principal, body.funderId);
    return interestView(await this.interests.record(eventId, body, eventActorOf(principal)));
  }

  @Get()
  @Roles('site-staff')
  @ApiOperation({ summary: 'The interests recorded at a session, in order' })
  @ApiOkResponse({ type: InterestList })
  async list(@Param('eventId') eventId: string): Promise<InterestList> {
    return { items: (await this.interests.list(eventId)).map(interestView) };
  }
}
