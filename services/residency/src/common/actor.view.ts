import { ApiProperty } from '@nestjs/swagger';
import { ACTOR_ROLES, type ActorV1 } from '@technopark/contracts';

export class ActorView implements ActorV1 {
  @ApiProperty({ example: 'staff-12' })
  id!: string;

  @ApiProperty({ enum: ACTOR_ROLES })
  role!: ActorV1['role'];
}
