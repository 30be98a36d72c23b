import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INSTRUMENTS, type Instrument } from '@technopark/contracts';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** What the startup seeks: the amount, the instrument if it has one in mind, and what the money is for. */
export class SeekingDto {
  @ApiProperty({ example: 800_000, description: 'MAD' })
  @IsInt()
  @Min(1_000)
  @Max(10_000_000_000)
  amountMad!: number;

  @ApiPropertyOptional({ enum: INSTRUMENTS })
  @IsOptional()
  @IsIn(INSTRUMENTS)
  instrument?: Instrument;

  @ApiProperty({ example: 'Hire two engineers and open the Senegal market' })
  @IsString()
  @Length(3, 1000)
  useOfFunds!: string;
}
