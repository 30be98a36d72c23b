import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthorizedPrincipal, CurrentPrincipal, fundingActorOf, Roles } from '@technopark/security';
import { SetWeightsDto } from './dto/weights.dto';
import { WeightsView } from './weights.view';
import { WeightsService } from './weights.service';

@ApiTags('match weights')
@Controller('v1/match-weights')
export class WeightsController {
  constructor(private readonly weights: WeightsService) {}

  @Get()
  @Roles('site-staff')
  @ApiOperation({ summary: "The site's weights in force and every earlier version" })
  @ApiOkResponse({ type: WeightsView })
  view(): Promise<WeightsView> {
    return this.weights.view();
  }

  @Put()
  @Roles('site-staff')
  @ApiOperation({
    summary: 'Set new weights (a new version); every match is computed again with them in the background',
  })
  @ApiOkResponse({ type: WeightsView })
  @ApiConflictResponse({ description: 'MATCH.CHANGED (another version was set meanwhile)' })
  @ApiUnprocessableEntityResponse({ description: 'WEIGHTS.SUM_NOT_100' })
  set(@Body() body: SetWeightsDto, @CurrentPrincipal() principal: AuthorizedPrincipal): Promise<WeightsView> {
    return this.weights.set(body, fundingActorOf(principal));
  }
}
