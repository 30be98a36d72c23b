import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@technopark/security';
import { ResidenciesRepository } from '../residencies/residencies.repository';
import { SpacesRepository } from '../spaces/spaces.repository';

@ApiTags('occupancy')
@Controller('v1/occupancy')
export class OccupancyController {
  constructor(private readonly spaces: SpacesRepository, private readonly residencies: ResidenciesRepository) {}

  @Get()
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({ summary: "The site's occupancy now: offices, coworking positions, m², residents, waitlist" })
  async occupancy() {
    const [totals, residents, waitlist] = await Promise.all([this.spaces.totals(), this.residencies.count('allocated'), this.residencies.count('waitlisted')]);
    return { ...totals, residents, waitlist };
  }
}
