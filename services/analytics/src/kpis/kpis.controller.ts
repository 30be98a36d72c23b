import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Roles } from '@technopark/security';
import { IsOptional, Matches } from 'class-validator';
import { FunnelService } from './funnel.service';
import { ResidentsService } from './residents.service';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class FunnelQueryDto {
  @ApiPropertyOptional({ example: '2026-01', description: 'First month (YYYY-MM); default 2000-01' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12', description: 'Last month (YYYY-MM); default 9999-12' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({ example: 'incubation' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,99}$/, { message: 'programId must be a program id' })
  programId?: string;
}

@ApiTags('kpis')
@Controller('v1/kpis')
export class KpisController {
  constructor(private readonly funnel: FunnelService, private readonly residents: ResidentsService) {}

  @Get('funnel')
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({ summary: "The site's application funnel (counts per stage, acceptance rate) over a range of months" })
  async funnelFigures(@Query() query: FunnelQueryDto) {
    return this.funnel.figures({ from: query.from ?? '2000-01', to: query.to ?? '9999-12', programId: query.programId });
  }

  @Get('residents')
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({ summary: 'Residents now (as of the end of `to`), and arrivals and departures over a range of months' })
  async residentFigures(@Query() query: FunnelQueryDto) {
    return this.residents.figures({ from: query.from ?? '2000-01', to: query.to ?? '9999-12' });
  }
}
