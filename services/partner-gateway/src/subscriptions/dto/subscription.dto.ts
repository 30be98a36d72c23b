import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNER_EVENTS, SECTORS, type Sector, STAGES, type Stage } from '@technopark/contracts';
import { Type } from 'class-transformer';
import { DELIVERY_KINDS, type DeliveryKind } from '../schemas/subscription.schema';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  isURL,
  Length,
  Matches,
  ValidateBy,
  type ValidationArguments,
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

const kindOf = (args: ValidationArguments | undefined) => (args?.object as DeliveryDto | undefined)?.kind;

export class DeliveryDto {
  @ApiProperty({
    enum: DELIVERY_KINDS,
    description:
      "webhook: signed POSTs to `url`. kafka: records on the partner's own topic (technopark.partners.<partner>), read with its SCRAM user",
  })
  @IsIn(DELIVERY_KINDS, { message: "delivery.kind must be 'webhook' or 'kafka'" })
  kind!: DeliveryKind;

  @ApiPropertyOptional({
    example: 'https://hooks.plugandplay.example/technopark',
    description: 'Webhooks only (required there)',
  })
  @ValidateBy({
    name: 'urlOfItsKind',
    validator: {
      validate: (url: unknown, args) =>
        kindOf(args) === 'kafka'
          ? url === undefined
          : typeof url === 'string' &&
            isURL(url, { require_tld: false, protocols: ['http', 'https'], require_protocol: true }),
      defaultMessage: (args) =>
        kindOf(args) === 'kafka'
          ? 'delivery.url is for webhooks: a kafka delivery writes to the partner topic and takes no url'
          : 'delivery.url must be an http(s) URL',
    },
  })
  url?: string;
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

  @ApiProperty({ type: DeliveryDto })
  @IsDefined({ message: "delivery is required: { kind: 'webhook', url } or { kind: 'kafka' }" })
  @ValidateNested()
  @Type(() => DeliveryDto)
  delivery!: DeliveryDto;
}
