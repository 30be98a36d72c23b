import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { mapPage, PageQuery } from '@technopark/platform';
import { Roles } from '@technopark/security';
import { RoomPage, RoomView, roomView } from './room.view';
import { RoomsService } from './rooms.service';

@ApiTags('rooms')
@Controller('v1/rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Get()
  @Roles('site-staff')
  @ApiOperation({ summary: "The site's rooms (from residency's inventory) with their bookings, by id" })
  @ApiOkResponse({ type: RoomPage })
  async list(@Query() query: PageQuery): Promise<RoomPage> {
    return mapPage(await this.rooms.list(query), roomView);
  }

  @Get(':roomId')
  @Roles('site-staff')
  @ApiOkResponse({ type: RoomView })
  @ApiNotFoundResponse({ description: 'ROOM.NOT_FOUND' })
  async get(@Param('roomId') id: string): Promise<RoomView> {
    return roomView(await this.rooms.get(id));
  }
}
