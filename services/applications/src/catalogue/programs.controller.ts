import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ActorV1 } from '@technopark/contracts';
import { mapPage, PageQuery } from '@technopark/platform';
import { CurrentActor, ROLES, Roles } from '@technopark/security';
import { programView } from './catalogue-view';
import { CatalogueService } from './catalogue.service';
import { CreateProgramDto, UpdateProgramDto } from './dto/program.dto';
import { ProgramPage, ProgramView } from './dto/catalogue.views';

@ApiTags('programs')
@Controller('v1/programs')
export class ProgramsController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Post()
  @HttpCode(201)
  @Roles('site-staff')
  @ApiOperation({ summary: 'Create a program of this site' })
  @ApiCreatedResponse({ type: ProgramView })
  @ApiConflictResponse({ description: 'CATALOGUE.PROGRAM_EXISTS: the id is taken' })
  async create(@Body() body: CreateProgramDto, @CurrentActor() actor: ActorV1) {
    return programView(await this.catalogue.createProgram(body, actor));
  }

  @Patch(':programId')
  @Roles('site-staff')
  @ApiOperation({ summary: "Change a program's description, sectors, duration, workspace or rubric" })
  @ApiOkResponse({ type: ProgramView })
  @ApiNotFoundResponse({ description: 'CATALOGUE.PROGRAM_NOT_FOUND' })
  async update(@Param('programId') id: string, @Body() body: UpdateProgramDto, @CurrentActor() actor: ActorV1) {
    return programView(await this.catalogue.updateProgram(id, body, actor));
  }

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: "The site's programs, by id" })
  @ApiOkResponse({ type: ProgramPage })
  async list(@Query() query: PageQuery) {
    return mapPage(await this.catalogue.programs(query), programView);
  }

  @Get(':programId')
  @Roles(...ROLES)
  @ApiOkResponse({ type: ProgramView })
  @ApiNotFoundResponse({ description: 'CATALOGUE.PROGRAM_NOT_FOUND' })
  async get(@Param('programId') id: string) {
    return programView(await this.catalogue.program(id));
  }
}
