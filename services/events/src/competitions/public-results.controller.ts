import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@technopark/security';
import { PublicResultsView, publicResultsView } from './competition.view';
import { CompetitionsService } from './competitions.service';

/** A competition's published results as anyone reads them, without a token. */
@ApiTags('public events')
@Controller('v1/public/events/:eventId/results')
export class PublicResultsController {
  constructor(private readonly competitions: CompetitionsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "A competition's or hackathon's results, once published (no token needed)" })
  @ApiOkResponse({ type: PublicResultsView })
  @ApiNotFoundResponse({ description: 'COMPETITION.RESULTS_NOT_PUBLISHED' })
  async get(@Param('eventId') eventId: string): Promise<PublicResultsView> {
    return publicResultsView(await this.competitions.results(eventId));
  }
}
