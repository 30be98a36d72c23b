import { ApiProperty } from '@nestjs/swagger';
import { FUNDING_ACTOR_ROLES, type FundingActorV1 } from '@technopark/contracts';

/** Who did something here: a person (a funder's contact included) or an automatic process. */
export class FundingActorView implements FundingActorV1 {
  @ApiProperty({
    example: 'staff-7f3a',
    description: "The token subject of who did it, or the automatic process's name",
  })
  id!: string;

  @ApiProperty({ enum: FUNDING_ACTOR_ROLES, example: 'site-staff' })
  role!: FundingActorV1['role'];
}
