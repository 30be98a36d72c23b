import { ApiProperty } from '@nestjs/swagger';
import { EVENT_ACTOR_ROLES, type EventActorV1 } from '@technopark/contracts';

/** Who did something at an event: a person by token subject and the role they acted in, people and hosts included. */
export class EventActorView implements EventActorV1 {
  @ApiProperty({
    example: 'staff-7f3a',
    description: "The token subject of who did it, or the automatic process's name",
  })
  id!: string;

  @ApiProperty({ enum: EVENT_ACTOR_ROLES, example: 'site-staff' })
  role!: EventActorV1['role'];
}
