import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  assertOwnStartup,
  type AuthorizedPrincipal,
  CurrentPrincipal,
  fundingActorOf,
  Roles,
} from '@technopark/security';
import { SeekingDto } from './dto/seeking.dto';
import { FundingProfileView, fundingProfileView } from './funding-profile.view';
import { ProfilesService } from './profiles.service';

@ApiTags('funding profiles')
@Controller('v1/startups/:startupId/funding-profile')
export class FundingProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Get()
  @Roles('site-staff', 'startup')
  @ApiOperation({ summary: 'What funding matching knows of the startup (from other services) and what it seeks' })
  @ApiOkResponse({ type: FundingProfileView })
  @ApiNotFoundResponse({ description: 'STARTUP.NOT_FOUND' })
  async get(
    @Param('startupId') startupId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<FundingProfileView> {
    assertOwnStartup(principal, startupId);
    return fundingProfileView(await this.profiles.get(startupId));
  }

  @Put('seeking')
  @Roles('site-staff', 'startup')
  @ApiOperation({ summary: 'Say what the startup seeks: its matches are computed again before the answer' })
  @ApiOkResponse({ type: FundingProfileView })
  @ApiNotFoundResponse({ description: 'STARTUP.NOT_FOUND' })
  async seek(
    @Param('startupId') startupId: string,
    @Body() body: SeekingDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<FundingProfileView> {
    assertOwnStartup(principal, startupId);
    return fundingProfileView(await this.profiles.seek(startupId, body, fundingActorOf(principal)));
  }
}
