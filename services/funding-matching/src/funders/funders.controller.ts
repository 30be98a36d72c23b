import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { mapPage, PageQuery } from '@technopark/platform';
import { type AuthorizedPrincipal, CurrentPrincipal, fundingActorOf, Roles } from '@technopark/security';
import { CreateFunderDto } from './dto/funder.dto';
import { UpdateFunderDto } from './dto/update-funder.dto';
import { FunderPage, FunderView, funderView } from './funder.view';
import { FundersService } from './funders.service';

const CRITERIA_RULES =
  'FUNDER.TICKET_RANGE_INVERTED, FUNDER.SITE_NOT_COVERED, FUNDER.WINDOW_INVERTED, FUNDER.WINDOWS_OVERLAP';

@ApiTags('funders')
@Controller('v1/funders')
export class FundersController {
  constructor(private readonly funders: FundersService) {}

  @Post()
  @Roles('platform-admin')
  @ApiOperation({
    summary: 'Register a national funder on this site (one it covers); its matches are computed in the background',
  })
  @ApiCreatedResponse({ type: FunderView })
  @ApiConflictResponse({ description: 'FUNDER.EXISTS' })
  @ApiUnprocessableEntityResponse({ description: CRITERIA_RULES })
  async register(
    @Body() body: CreateFunderDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<FunderView> {
    return funderView(await this.funders.register(body, fundingActorOf(principal)), principal);
  }

  @Get()
  @Roles('site-staff', 'startup', 'funder')
  @ApiOperation({ summary: "The site's funders, by id, a page at a time" })
  @ApiOkResponse({ type: FunderPage })
  async list(@Query() query: PageQuery, @CurrentPrincipal() principal: AuthorizedPrincipal): Promise<FunderPage> {
    return mapPage(await this.funders.list(query), (funder) => funderView(funder, principal));
  }

  @Get(':funderId')
  @Roles('site-staff', 'startup', 'funder')
  @ApiOkResponse({ type: FunderView })
  @ApiNotFoundResponse({ description: 'FUNDER.NOT_FOUND' })
  async get(@Param('funderId') id: string, @CurrentPrincipal() principal: AuthorizedPrincipal): Promise<FunderView> {
    return funderView(await this.funders.get(id), principal);
  }

  @Patch(':funderId')
  @Roles('platform-admin')
  @ApiOperation({
    summary: "Change a funder's criteria (merge patch); its matches are computed again in the background",
  })
  @ApiOkResponse({ type: FunderView })
  @ApiNotFoundResponse({ description: 'FUNDER.NOT_FOUND' })
  @ApiConflictResponse({ description: 'FUNDER.CHANGED' })
  @ApiUnprocessableEntityResponse({ description: CRITERIA_RULES })
  async update(
    @Param('funderId') id: string,
    @Body() body: UpdateFunderDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<FunderView> {
    return funderView(await this.funders.update(id, body, fundingActorOf(principal)), principal);
  }
}
