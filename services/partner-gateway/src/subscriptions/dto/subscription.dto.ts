import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNER_EVENTS, SECTORS, type Sector, STAGES, type Stage } from '@technopark/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

const PARTNER_EVENT_TYPES = PARTNER_EVENTS.map((contract) => contract.type);

export class SubscriptionFiltersDto {
  @ApiPropertyOptional({
    enum: PARTNER_EVENT_TYPES,
    isArray: true,
    description: 'Every type the consents allow when empty',
  })
  @IsOptional()
  @ArrayUnique()
  @IsIn(PARTNER_EVENT_TYPES, {
    each: true,
    message: 'each event type must be a partner-facing type (ma.technopark.partner.*)',
  })
  eventTypes: string[] = [];

  @ApiPropertyOptional({ example: ['casablanca', 'rabat'], description: 'Every site when empty' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { each: true, message: 'each site must be a site id such as casablanca' })
  sites: string[] = [];

  @ApiPropertyOptional({ enum: SECTORS, isArray: true })
  @IsOptional()
  @ArrayUnique()
  @IsIn(SECTORS, { each: true })
  sectors: Sector[] = [];

  @ApiPropertyOptional({ enum: STAGES, isArray: true })
  @IsOptional()
  @ArrayUnique()
  @IsIn(STAGES, { each: true })
  stages: Stage[] = [];

  @ApiPropertyOptional({
    example: ['plug-and-play-batch'],
    description: 'Programs (e.g. only its own calls); every program when empty',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  programs: string[] = [];
}

export class WebhookDeliveryDto {
  @ApiProperty({ enum: ['webhook'] })
  @Equals('webhook', { message: "delivery.kind must be 'webhook'" })
  kind!: 'webhook';

  @ApiProperty({ example: 'https://hooks.plugandplay.example/technopark' })
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'delivery.url must be an http(s) URL' },
  )
  url!: string;
}

export class CreateSubscriptionDto {
  @ApiPropertyOptional({ example: 'Accepted startups of our batch, every site' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  description?: string;

  @ApiPropertyOptional({ type: SubscriptionFiltersDto, description: 'Everything the consents allow when absent' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SubscriptionFiltersDto)
  filters: SubscriptionFiltersDto = new SubscriptionFiltersDto();

  @ApiProperty({ type: WebhookDeliveryDto })
  @IsDefined({ message: "delivery is required: { kind: 'webhook', url }" })
  @ValidateNested()
  @Type(() => WebhookDeliveryDto)
  delivery!: WebhookDeliveryDto;
}
