import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertOwnPartner, type AuthorizedPrincipal, CurrentPrincipal, Roles } from '@technopark/security';
import { AsyncApiDocumentView } from './asyncapi-document.view';
import { PartnerAsyncApi } from './partner-asyncapi.service';

@ApiTags('partners')
@Controller('v1/partners/:partnerId/asyncapi.json')
export class PartnerAsyncApiController {
  constructor(private readonly asyncApi: PartnerAsyncApi) {}

  @Get()
  @Roles('platform-admin', 'partner')
  @ApiOperation({
    summary: "The partner's own AsyncAPI 3 document: each subscription's endpoint and the event types it receives",
  })
  @ApiOkResponse({ type: AsyncApiDocumentView })
  @ApiNotFoundResponse({ description: 'PARTNER.NOT_FOUND' })
  async document(
    @Param('partnerId') partnerId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<Record<string, unknown>> {
    assertOwnPartner(principal, partnerId);
    return this.asyncApi.documentOf(partnerId);
  }
}
