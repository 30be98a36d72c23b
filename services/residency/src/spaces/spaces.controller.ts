import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { mapPage } from '@technopark/platform';
import type { ActorV1 } from '@technopark/contracts';
import { CurrentActor, Roles } from '@technopark/security';
import { SpaceListQuery } from './dto/space-list.query';
import { CreateSpaceDto } from './dto/space.dto';
import { UpdateSpaceDto } from './dto/update-space.dto';
import { SpacePage, SpaceView, spaceView } from './space.view';
import { SpaceInventory } from './space-inventory.service';
import { SpacesService } from './spaces.service';

@ApiTags('spaces')
@Controller('v1/spaces')
export class SpacesController {
  constructor(
    private readonly spaces: SpacesService,
    private readonly inventory: SpaceInventory,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('site-staff')
  @ApiOperation({
    summary: "Add an office, coworking area or room to the site's inventory (waitlisted startups that fit get it)",
  })
  @ApiCreatedResponse({ type: SpaceView })
  @ApiConflictResponse({ description: 'SPACE.EXISTS' })
  @ApiUnprocessableEntityResponse({ description: 'SPACE.ROOM_TYPE_REQUIRED, SPACE.ROOM_TYPE_NOT_ALLOWED' })
  async register(@Body() body: CreateSpaceDto, @CurrentActor() actor: ActorV1): Promise<SpaceView> {
    return spaceView(await this.inventory.register(body, actor));
  }

  @Get()
  @Roles('site-staff', 'committee-member')
  @ApiOperation({ summary: "The site's spaces by id, paginated" })
  @ApiOkResponse({ type: SpacePage })
  async list(@Query() query: SpaceListQuery): Promise<SpacePage> {
    return mapPage(await this.spaces.list({ kind: query.kind, status: query.status }, query), spaceView);
  }

  @Get(':spaceId')
  @Roles('site-staff', 'committee-member')
  @ApiOkResponse({ type: SpaceView })
  @ApiNotFoundResponse({ description: 'SPACE.NOT_FOUND' })
  async get(@Param('spaceId') id: string): Promise<SpaceView> {
    return spaceView(await this.spaces.get(id));
  }

  @Patch(':spaceId')
  @Roles('site-staff')
  @ApiOperation({
    summary:
      'Change a space (name, floor, area, seats, room type); coworking seats cannot drop below the positions held',
  })
  @ApiOkResponse({ type: SpaceView })
  @ApiNotFoundResponse({ description: 'SPACE.NOT_FOUND' })
  @ApiConflictResponse({ description: 'SPACE.IN_USE, SPACE.RETIRED, SPACE.CHANGED' })
  async update(
    @Param('spaceId') id: string,
    @Body() body: UpdateSpaceDto,
    @CurrentActor() actor: ActorV1,
  ): Promise<SpaceView> {
    return spaceView(await this.inventory.update(id, body, actor));
  }

  @Delete(':spaceId')
  @Roles('site-staff')
  @ApiOperation({ summary: 'Retire a space nobody holds: it is no longer offered, its history stays' })
  @ApiOkResponse({ type: SpaceView })
  @ApiNotFoundResponse({ description: 'SPACE.NOT_FOUND' })
  @ApiConflictResponse({ description: 'SPACE.IN_USE, SPACE.RETIRED' })
  async retire(@Param('spaceId') id: string, @CurrentActor() actor: ActorV1): Promise<SpaceView> {
    return spaceView(await this.inventory.retire(id, actor));
  }
}
