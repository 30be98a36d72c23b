import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ActorV1 } from '@technopark/contracts';
import { mapPage, PageQuery } from '@technopark/platform';
import {
  assertOwnPartner,
  type AuthorizedPrincipal,
  CurrentActor,
  CurrentPrincipal,
  Roles,
} from '@technopark/security';
import { CreatePartnerDto } from './dto/partner.dto';
import { PartnerPage, PartnerView, partnerView } from './partner.view';
import { PartnersService } from './partners.service';

@ApiTags('partners')
@Controller('v1/partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Post()
  @Roles('platform-admin')
  @ApiOperation({ summary: 'Register a partner program (staff)' })
  @ApiCreatedResponse({ type: PartnerView })
  @ApiConflictResponse({ description: 'PARTNER.EXISTS' })
  async register(@Body() body: CreatePartnerDto, @CurrentActor() actor: ActorV1): Promise<PartnerView> {
    return partnerView(await this.partners.register(body, actor));
  }

  @Get()
  @Roles('platform-admin')
  @ApiOperation({ summary: 'The partner programs, by id, a page at a time' })
  @ApiOkResponse({ type: PartnerPage })
  async list(@Query() query: PageQuery): Promise<PartnerPage> {
    return mapPage(await this.partners.list(query), partnerView);
  }

  @Get(':partnerId')
  @Roles('platform-admin', 'partner')
  @ApiOkResponse({ type: PartnerView })
  @ApiNotFoundResponse({ description: 'PARTNER.NOT_FOUND' })
  async get(@Param('partnerId') id: string, @CurrentPrincipal() principal: AuthorizedPrincipal): Promise<PartnerView> {
    assertOwnPartner(principal, id);
    return partnerView(await this.partners.get(id));
  }
}
