import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActorV1 } from '@technopark/contracts';
import { CurrentActor, Roles } from '@technopark/security';
import { WaitlistPositionDto } from './dto/residency-actions.dto';
import { residencyView, WaitlistEntryView } from './residency.view';
import { WaitlistService } from './waitlist.service';

@ApiTags('waitlist')
@Controller('v1/waitlist')
export class WaitlistController {
  constructor(private readonly waitlist: WaitlistService) {}

  @Get()
  @Roles('site-staff', 'committee-member')
  @ApiOperation({ summary: "The site's waitlist in the order space is offered: program priority, then acceptance time, unless staff reordered it" })
  @ApiOkResponse({ type: [WaitlistEntryView] })
  async list(): Promise<WaitlistEntryView[]> {
    return (await this.waitlist.list()).map((residency, index) => ({ position: index + 1, residency: residencyView(residency) }));
  }

  @Put(':residencyId/position')
  @Roles('site-staff')
  @ApiOperation({ summary: 'Move a waitlisted startup to a position (1 = next to be offered space)' })
  @ApiOkResponse({ type: WaitlistEntryView })
  @ApiConflictResponse({ description: 'RESIDENCY.NOT_WAITLISTED, RESIDENCY.CHANGED' })
  async reorder(@Param('residencyId') id: string, @Body() body: WaitlistPositionDto, @CurrentActor() actor: ActorV1): Promise<WaitlistEntryView> {
    const { position, residency } = await this.waitlist.reorder(id, body.position, actor);
    return { position, residency: residencyView(residency) };
  }
}
