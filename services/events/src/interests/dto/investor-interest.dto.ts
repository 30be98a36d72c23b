import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export class RecordInterestDto {
  @ApiProperty({
    example: 'plug-and-play-morocco',
    description: 'A funder invited to the session (one of its partnerIds)',
  })
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/)
  funderId!: string;

  @ApiProperty({ format: 'uuid', description: 'A startup registered to pitch at the session' })
  @IsUUID()
  startupId!: string;

  @ApiPropertyOptional({ description: 'For staff and the funder; not published' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}
