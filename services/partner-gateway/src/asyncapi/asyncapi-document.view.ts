import { ApiProperty } from '@nestjs/swagger';

/** An AsyncAPI 3.0 document (described by the AsyncAPI specification, not repeated here). */
export class AsyncApiDocumentView {
  @ApiProperty({ example: '3.0.0' })
  asyncapi!: string;

  @ApiProperty({ type: Object })
  info!: Record<string, unknown>;

  @ApiProperty({ type: Object })
  servers!: Record<string, unknown>;

  @ApiProperty({ type: Object })
  channels!: Record<string, unknown>;

  @ApiProperty({ type: Object })
  operations!: Record<string, unknown>;

  @ApiProperty({ type: Object })
  components!: Record<string, unknown>;
}
