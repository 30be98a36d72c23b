import { ConflictError, NotFoundError } from '@technopark/platform';

export const deliveryNotFound = (deliveryId: string) =>
  new NotFoundError('DELIVERY.NOT_FOUND', `no delivery ${deliveryId} for this partner`, { deliveryId });

export const deliveryNotDead = (deliveryId: string, state: string) =>
  new ConflictError('DELIVERY.NOT_DEAD', `only a dead delivery can be delivered again; this one is ${state}`, {
    deliveryId,
    state,
    allowedActions: [],
  });
