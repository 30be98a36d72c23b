import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REGISTRANT_KINDS,
  type RegistrantKind,
  REGISTRATION_CANCEL_REASONS,
  type RegistrationCancelReason,
} from '@technopark/contracts';
import { PageOf } from '@technopark/platform';
import { REGISTRATION_STATUSES, type Registration, type RegistrationStatus } from './schemas/registration.schema';

export class RegistrantView {
  @ApiProperty({ enum: REGISTRANT_KINDS })
  kind!: RegistrantKind;

  @ApiPropertyOptional({ format: 'uuid' })
  startupId?: string;

  @ApiPropertyOptional()
  personId?: string;
}

export class RegistrationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ type: RegistrantView })
  registrant!: RegistrantView;

  @ApiProperty()
  seats!: number;

  @ApiProperty({ enum: REGISTRATION_STATUSES })
  status!: RegistrationStatus;

  @ApiPropertyOptional({ description: 'Place on the waiting list, 1 being next' })
  position?: number;

  @ApiPropertyOptional({ description: 'Shown at the door (a QR code of it): the registrant and staff see it' })
  checkInCode?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  checkedInAt?: string;

  @ApiPropertyOptional({ enum: REGISTRATION_CANCEL_REASONS })
  cancelReason?: RegistrationCancelReason;

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;
}

export class RegistrationPage extends PageOf(RegistrationView) {}

export function registrationView(
  registration: Registration,
  extra: { position?: number; checkInCode?: string } = {},
): RegistrationView {
  return {
    id: registration._id,
    eventId: registration.eventId,
    registrant: {
      kind: registration.registrant.kind,
      ...(registration.registrant.startupId && { startupId: registration.registrant.startupId }),
      ...(registration.registrant.personId && { personId: registration.registrant.personId }),
    },
    seats: registration.seats,
    status: registration.status,
    ...(extra.position !== undefined && { position: extra.position }),
    ...(extra.checkInCode && { checkInCode: extra.checkInCode }),
    ...(registration.checkedInAt && { checkedInAt: new Date(registration.checkedInAt).toISOString() }),
    ...(registration.cancelReason && { cancelReason: registration.cancelReason }),
    registeredAt: new Date(registration.createdAt).toISOString(),
  };
}
