import { ConflictError, NotFoundError } from '@technopark/platform';
import type { SubscriptionStatus } from './schemas/subscription.schema';

export const subscriptionNotFound = (subscriptionId: string) =>
  new NotFoundError('SUBSCRIPTION.NOT_FOUND', `no subscription ${subscriptionId} for this partner`, { subscriptionId });

export const subscriptionNotIn = (subscriptionId: string, status: SubscriptionStatus, action: string) =>
  new ConflictError('SUBSCRIPTION.ILLEGAL_STATE', `a subscription that is ${status} cannot be ${action}`, {
    subscriptionId,
    status,
    allowedActions:
      status === 'suspended'
        ? ['resume', 'retry-now', 'rotate-secret', 'end']
        : status === 'active'
          ? ['retry-now', 'rotate-secret', 'replay', 'end']
          : [],
  });

export const subscriptionChanged = (subscriptionId: string) =>
  new ConflictError('SUBSCRIPTION.CHANGED', 'the subscription changed meanwhile; read it and try again', {
    subscriptionId,
  });
