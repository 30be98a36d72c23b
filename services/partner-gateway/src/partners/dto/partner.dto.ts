import { ApiProperty } from '@nestjs/swagger';
import { PARTNER_ID_FORMAT } from '@technopark/contracts';
import { ArrayMaxSize, ArrayUnique, IsEmail, IsString, Length, Matches } from 'class-validator';

export class CreatePartnerDto {
  @ApiProperty({ example: 'plug-and-play', description: 'The id its tokens carry in the partner_id claim' })
  @Matches(PARTNER_ID_FORMAT, { message: 'partnerId must be 2–60 lowercase letters, digits and dashes' })
  partnerId!: string;

  @ApiProperty({ example: 'Plug and Play Morocco' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: ['plug-and-play-batch'], description: 'Programs it runs: applications to them are its own' })
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  programIds!: string[];

  @ApiProperty({ example: 'platform@plugandplay.example' })
  @IsEmail()
  contactEmail!: string;
}
