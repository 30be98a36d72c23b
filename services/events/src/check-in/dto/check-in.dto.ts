import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class CheckInDto {
  @ApiProperty({ description: "The code scanned from the registrant's QR code" })
  @IsString()
  @Length(1, 200)
  code!: string;
}

export class WalkInDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The startup the walk-in belongs to' })
  @IsOptional()
  @IsUUID()
  startupId?: string;

  @ApiPropertyOptional({ description: "The person's id, if they have one on the platform" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  personId?: string;
}
