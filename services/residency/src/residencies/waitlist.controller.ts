import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActorV1 } from '@technopark/contracts';
import { decodeCursor, encodeCursor, PageQuery } from '@technopark/platform';
import { CurrentActor, CurrentPrincipal, Roles, type AuthorizedPrincipal } from '@technopark/security';
import { WaitlistPositionDto } from './dto/residency-actions.dto';
import { residencyView, WaitlistEntryView, WaitlistPage } from './residency.view';
import { WaitlistService } from './waitlist.service';

@ApiTags('waitlist')
@Controller('v1/waitlist')
export class WaitlistController {
  constructor(private readonly waitlist: WaitlistService) {}

  @Get()
  @Roles('site-staff', 'committee-member')
  @ApiOperation({
    summary:
      "The site's waitlist in the order space is offered: program priority, then acceptance time, unless staff reordered it",
  })
  @ApiOkResponse({ type: WaitlistPage })
  async list(
    @Query() { limit, cursor }: PageQuery,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<WaitlistPage> {
    // The order is computed over the whole waitlist (tens of startups per site); a page is a slice of it.
    const from = cursor ? Number(decodeCursor(cursor).value) : 0;
    const entries = (await this.waitlist.list()).map((residency, index) => ({
      position: index + 1,
      residency: residencyView(residency, principal.actingAs),
    }));
    const items = entries.slice(from, from + limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        last && from + limit < entries.length ? encodeCursor({ value: last.position, id: last.residency.id }) : null,
    };
  }

  @Put(':residencyId/position')
  @Roles('site-staff')
  @ApiOperation({ summary: 'Move a waitlisted startup to a position (1 = next to be offered space)' })
  @ApiOkResponse({ type: WaitlistEntryView })
  @ApiConflictResponse({ description: 'RESIDENCY.NOT_WAITLISTED, RESIDENCY.CHANGED' })
  async reorder(
    @Param('residencyId') id: string,
    @Body() body: WaitlistPositionDto,
    @CurrentActor() actor: ActorV1,
  ): Promise<WaitlistEntryView> {
    const { position, residency } = await this.waitlist.reorder(id, body.position, actor);
    return { position, residency: residencyView(residency, actor.role) };
  }
}
