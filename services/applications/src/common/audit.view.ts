import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTOR_ROLES } from '@technopark/contracts';

export class ActorView {
  @ApiProperty({
    example: 'staff-7f3a',
    description: "The token subject of who did it, or the automatic process's name",
  })
  id!: string;

  @ApiProperty({ enum: ACTOR_ROLES, example: 'site-staff' })
  role!: string;
}

/** Who created and last changed a record, and when. */
export class AuditView {
  @ApiProperty({ type: ActorView })
  createdBy!: ActorView;

  @ApiPropertyOptional({ type: ActorView })
  updatedBy?: ActorView;

  @ApiProperty({ example: '2026-10-02T09:30:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-10-05T14:00:00.000Z' })
  updatedAt!: string;
}

export class PageInfo {
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'WyJkIiwiMjAyNi0xMC0wMlQwOTozMDowMC4wMDBaIiwiYWJjIl0',
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
