import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_ENVIRONMENT, secretFromEnvironment } from '@technopark/platform';
import type { EventsEnvironment } from './events.environment';

/**
 * The site's secret that signs check-in codes and private calendar links, from `CHECK_IN_SECRET` or
 * the file `CHECK_IN_SECRET_FILE` names; start-up stops when it is unusable.
 */
@Injectable()
export class SigningSecret {
  readonly value: string;

  constructor(@Inject(SERVICE_ENVIRONMENT) environment: EventsEnvironment) {
    this.value = secretFromEnvironment(
      'CHECK_IN_SECRET',
      environment.CHECK_IN_SECRET,
      environment.CHECK_IN_SECRET_FILE,
    );
  }
}
