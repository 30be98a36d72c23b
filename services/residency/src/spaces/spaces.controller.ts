import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActorV1 } from '@technopark/contracts';
import { PageQuery } from '@technopark/platform';
import { CurrentActor, Roles } from '@technopark/security';
import { CreateSpaceDto } from './dto/space.dto';
import type { Space } from './schemas/space.schema';
import { SpacesService } from './spaces.service';

function spaceView({ _id, kind, name, roomType, floor, areaM2, seats, status, occupant, freePositions, createdBy, updatedBy, createdAt, updatedAt }: Space) {
  const use = kind === 'office' ? { occupied: occupant !== '' } : kind === 'coworking' ? { freePositions } : {};
  return { id: _id, kind, name, roomType, floor, areaM2, seats, status, ...use, createdBy, updatedBy, createdAt, updatedAt };
}

@ApiTags('spaces')
@Controller('v1/spaces')
export class SpacesController {
  constructor(private readonly spaces: SpacesService) {}

  @Post()
  @HttpCode(201)
  @Roles('site-staff')
  @ApiOperation({ summary: "Add an office, coworking area or room to the site's inventory" })
  @ApiConflictResponse({ description: 'SPACE.EXISTS' })
  async register(@Body() body: CreateSpaceDto, @CurrentActor() actor: ActorV1) {
    return spaceView(await this.spaces.register(body, actor));
  }

  @Get()
  @Roles('site-staff', 'committee-member')
  async list(@Query() query: PageQuery) {
    const page = await this.spaces.list(query);
    return { items: page.items.map(spaceView), nextCursor: page.nextCursor };
  }

  @Get(':spaceId')
  @Roles('site-staff', 'committee-member')
  @ApiNotFoundResponse({ description: 'SPACE.NOT_FOUND' })
  async get(@Param('spaceId') id: string) {
    return spaceView(await this.spaces.get(id));
  }
}
