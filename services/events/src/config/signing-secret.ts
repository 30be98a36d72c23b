import { readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigurationError, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { EventsEnvironment } from './events.environment';

/**
 * The site's secret that signs check-in codes and private calendar links, from `CHECK_IN_SECRET` or
 * the file `CHECK_IN_SECRET_FILE` names; start-up stops when it is unusable.
 */
@Injectable()
export class SigningSecret {
  readonly value: string;

  constructor(@Inject(SERVICE_ENVIRONMENT) environment: EventsEnvironment) {
    this.value = secretOf(environment);
  }
}

function secretOf(environment: EventsEnvironment): string {
  if (environment.CHECK_IN_SECRET) return environment.CHECK_IN_SECRET;
  const file = environment.CHECK_IN_SECRET_FILE as string;
  let secret: string;
  try {
    secret = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new ConfigurationError([`CHECK_IN_SECRET_FILE: cannot read ${file} (${(error as Error).message})`]);
  }
  if (secret.length < 32)
    throw new ConfigurationError([`CHECK_IN_SECRET_FILE: ${file} holds fewer than 32 characters`]);
  return secret;
}
