import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthorizedPrincipal } from '../lib/principal';
import { ROLES } from '../lib/roles';
import { CurrentPrincipal, Roles } from './access.decorators';
import type { SecurityOptions } from './security-options';
import { SECURITY_OPTIONS } from './security.constants';
import { WhoAmIResponse } from './who-am-i.response';

/** Lets an operator see how this service reads a token, before chasing a 403 elsewhere. */
@ApiTags('access')
@Controller('v1/me')
export class WhoAmIController {
  constructor(@Inject(SECURITY_OPTIONS) private readonly options: SecurityOptions) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Who this service takes the caller for on its site' })
  @ApiOkResponse({ type: WhoAmIResponse })
  whoAmI(@CurrentPrincipal() principal: AuthorizedPrincipal): WhoAmIResponse {
    return { ...principal, roles: [...principal.roles], sites: [...principal.sites], site: this.options.site };
  }
}
