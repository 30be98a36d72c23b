import { ApiProperty } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ example: 'ok' })
  status!: 'ok';

  @ApiProperty({ example: 'applications' })
  name!: string;

  @ApiProperty({ example: 'casablanca' })
  site!: string;

  @ApiProperty({ example: '0.1.0' })
  version!: string;

  @ApiProperty({ example: 42 })
  uptimeSeconds!: number;
}
