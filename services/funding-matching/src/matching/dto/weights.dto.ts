import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsString, Length, Max, Min, ValidateNested } from 'class-validator';

const weight = () => (target: object, key: string) => {
  IsInt()(target, key);
  Min(0)(target, key);
  Max(100)(target, key);
  ApiProperty({ minimum: 0, maximum: 100 })(target, key);
};

/** The most each criterion may add; they must sum to 100. */
export class CriterionWeightsDto {
  @weight()
  sector!: number;

  @weight()
  stage!: number;

  @weight()
  ticket!: number;

  @weight()
  instrument!: number;

  @weight()
  traction!: number;

  @weight()
  residency!: number;
}

export class SetWeightsDto {
  @ApiProperty({ type: CriterionWeightsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CriterionWeightsDto)
  weights!: CriterionWeightsDto;

  @ApiProperty({ minimum: 0, maximum: 100, example: 60, description: 'The score a match must reach to qualify' })
  @IsInt()
  @Min(0)
  @Max(100)
  threshold!: number;

  @ApiProperty({ example: 'Traction counts more for the 2027 investor sessions' })
  @IsString()
  @Length(3, 500)
  note!: string;
}
