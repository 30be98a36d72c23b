import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_ENVIRONMENT, secretFromEnvironment } from '@technopark/platform';
import type { PartnerGatewayEnvironment } from '../config/partner-gateway.environment';

/** The 256-bit key that seals webhook secrets at rest, from `PARTNER_SECRETS_KEY` or its file. */
@Injectable()
export class SecretsKey {
  readonly value: Buffer;

  constructor(@Inject(SERVICE_ENVIRONMENT) environment: PartnerGatewayEnvironment) {
    const given = secretFromEnvironment(
      'PARTNER_SECRETS_KEY',
      environment.PARTNER_SECRETS_KEY,
      environment.PARTNER_SECRETS_KEY_FILE,
    );
    this.value = createHash('sha256').update(given).digest();
  }
}
