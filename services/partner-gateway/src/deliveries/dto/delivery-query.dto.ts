import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@technopark/platform';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DELIVERY_STATES, type DeliveryState } from '../schemas/delivery.schema';

export class DeliveryQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  subscriptionId?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATES, description: '`dead`: the dead-letter store, re-deliverable' })
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  state?: DeliveryState;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  startupId?: string;
}
