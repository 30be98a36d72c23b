import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CurationDto {
  @ApiProperty({ example: 'The fund asked us to bring agritech founders to its next session' })
  @IsString()
  @Length(3, 1000)
  reason!: string;
}
