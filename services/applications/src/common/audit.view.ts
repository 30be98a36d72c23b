import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorView } from '@technopark/platform';

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
