import { Controller, Headers, type MessageEvent, Param, Query, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Clock } from '@technopark/platform';
import { Roles, SiteFromRoute } from '@technopark/security';
import { filter, from, map, type Observable, switchMap } from 'rxjs';
import { funnelFilterOf, KpiQueryDto, rangeOf } from '../kpis/kpi-query.dto';
import { SiteParam } from '../kpis/site-param.dto';
import { KpisService } from '../kpis/kpis.service';
import { KpiStreamService } from './kpi-stream.service';

const STREAM_ANSWER = {
  description: 'Server-Sent Events, `event: kpis`, `id` the change sequence, `data` a KpisView as JSON',
  content: {
    'text/event-stream': { schema: { type: 'string', example: 'id: 42\nevent: kpis\ndata: {"scope":"all",…}\n\n' } },
  },
};

/**
 * Server-Sent Events: every message is the whole KPI set (`event: kpis`), its id the change sequence.
 * A client reconnecting with `Last-Event-ID` gets the current set at once if anything changed since.
 */
@ApiTags('kpis')
@Controller()
export class KpiStreamController {
  constructor(
    private readonly stream: KpiStreamService,
    private readonly kpis: KpisService,
    private readonly clock: Clock,
  ) {}

  @Sse('v1/kpis/stream')
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({
    summary:
      'The KPIs of every site this instance reads, pushed on every change (text/event-stream; reconnect with Last-Event-ID)',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse(STREAM_ANSWER)
  live(@Query() query: KpiQueryDto, @Headers('last-event-id') lastEventId?: string): Observable<MessageEvent> {
    return this.kpisOnChange(query, lastEventId);
  }

  @Sse('v1/sites/:site/kpis/stream')
  @Roles('site-staff', 'committee-member', 'partner')
  @SiteFromRoute('site')
  @ApiOperation({ summary: "One site's KPIs, pushed on every change (a national instance's per-site view)" })
  @ApiProduces('text/event-stream')
  @ApiOkResponse(STREAM_ANSWER)
  liveOfSite(
    @Param() { site }: SiteParam,
    @Query() query: KpiQueryDto,
    @Headers('last-event-id') lastEventId?: string,
  ): Observable<MessageEvent> {
    return this.kpisOnChange(query, lastEventId, site);
  }

  private kpisOnChange(query: KpiQueryDto, lastEventId: string | undefined, site?: string): Observable<MessageEvent> {
    const seen = Number.parseInt(lastEventId ?? '', 10);
    const range = rangeOf(query, this.clock);
    return this.stream.sequence$.pipe(
      filter((sequence) => Number.isNaN(seen) || sequence > seen),
      switchMap((sequence) =>
        from(this.kpis.all(range, funnelFilterOf(query), site)).pipe(
          map((figures) => ({ id: String(sequence), type: 'kpis', data: figures })),
        ),
      ),
    );
  }
}
