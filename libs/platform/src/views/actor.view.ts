import { ApiProperty } from '@nestjs/swagger';
import { ACTOR_ROLES, type ActorV1 } from '@technopark/contracts';

/** Who did something: a person by their token subject and role, or an automatic process by its name. */
export class ActorView implements ActorV1 {
  @ApiProperty({
    example: 'staff-7f3a',
    description: "The token subject of who did it, or the automatic process's name",
  })
  id!: string;

  @ApiProperty({ enum: ACTOR_ROLES, example: 'site-staff' })
  role!: ActorV1['role'];
}
