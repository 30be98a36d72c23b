import { ConflictError, NotFoundError } from '@technopark/platform';

export const startupUnknown = (startupId: string) =>
  new NotFoundError(
    'STARTUP.UNKNOWN',
    `startup ${startupId} is not known here yet: its site's events reach the gateway within seconds of its registration`,
    { startupId },
  );

export const consentChanged = (startupId: string, partnerId: string) =>
  new ConflictError('CONSENT.CHANGED', 'the consent changed while this change was made; read it and try again', {
    startupId,
    partnerId,
  });
