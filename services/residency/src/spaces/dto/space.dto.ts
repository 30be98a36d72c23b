import { IsDecimal } from '@technopark/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROOM_TYPES, type RoomType, SPACE_KINDS, type SpaceKind } from '@technopark/contracts';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class CreateSpaceDto {
  @ApiProperty({ example: 'b2-office-14' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/, { message: 'id must be a slug of lowercase letters, digits and dashes (2–80)' })
  id!: string;

  @ApiProperty({ enum: SPACE_KINDS, example: 'office' })
  @IsIn(SPACE_KINDS)
  kind!: SpaceKind;

  @ApiProperty({ example: 'Office B2-14' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ enum: ROOM_TYPES })
  @IsOptional()
  @IsIn(ROOM_TYPES)
  roomType?: RoomType;

  @ApiPropertyOptional({ example: 2 })
  @IsOptional()
  @IsInt()
  @Min(-5)
  @Max(100)
  floor?: number;

  @ApiProperty({ example: 42 })
  @IsDecimal(2)
  @Min(0)
  @Max(100_000)
  areaM2!: number;

  @ApiProperty({ example: 6, description: 'Desks of an office, positions of a coworking area, people a room holds' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  seats!: number;
}
