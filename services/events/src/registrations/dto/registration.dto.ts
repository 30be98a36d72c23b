import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/**
 * A registration. A startup token registers its startup for a number of its members; an
 * individual registers themself (naming the startup they belong to, if any); staff register
 * a startup on its behalf.
 */
export class RegisterDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The startup registering (staff, or an individual naming theirs)',
  })
  @IsOptional()
  @IsUUID()
  startupId?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 50,
    default: 1,
    description: "Members coming, for a startup's registration",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  seats?: number;
}
