import { ConflictError, NotFoundError, UnprocessableError } from '@technopark/platform';
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

export const noKafkaRoute = () =>
  new UnprocessableError(
    'SUBSCRIPTION.NO_KAFKA_ROUTE',
    "this gateway delivers by webhook only: its operators have not opened partners' Kafka listener (PARTNER_KAFKA_BOOTSTRAP)",
  );

export const kafkaTopicTaken = (partnerId: string, subscriptionId: string) =>
  new ConflictError(
    'SUBSCRIPTION.KAFKA_TOPIC_TAKEN',
    `partner ${partnerId}'s topic already carries subscription ${subscriptionId}: end it first, or change its filters there`,
    { partnerId, subscriptionId },
  );

export const noSigningSecret = (subscriptionId: string) =>
  new UnprocessableError(
    'SUBSCRIPTION.NO_SIGNING_SECRET',
    "a Kafka subscription has no signing secret: its reader authenticates with the partner's SCRAM user, whose password the platform's operators rotate",
    { subscriptionId },
  );
