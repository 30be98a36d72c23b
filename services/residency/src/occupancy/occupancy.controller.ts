import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@technopark/security';
import { OccupancyView } from './occupancy.view';
import { OccupancyService } from './occupancy.service';

@ApiTags('occupancy')
@Controller('v1/occupancy')
export class OccupancyController {
  constructor(private readonly counter: OccupancyService) {}

  @Get()
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({
    summary:
      "The site's occupancy now: offices, coworking positions, m², residents, allocations awaiting move-in, waitlist",
  })
  @ApiOkResponse({ type: OccupancyView })
  occupancy(): Promise<OccupancyView> {
    return this.counter.current();
  }
}
