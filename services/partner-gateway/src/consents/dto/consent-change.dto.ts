import { ApiProperty } from '@nestjs/swagger';
import { PARTNER_SCOPES, type PartnerScope } from '@technopark/contracts';
import { ArrayMinSize, ArrayUnique, IsIn } from 'class-validator';

export class ConsentChangeDto {
  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true, example: ['profile', 'applications'] })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PARTNER_SCOPES, { each: true, message: `each scope must be one of ${PARTNER_SCOPES.join(', ')}` })
  scopes!: PartnerScope[];
}
