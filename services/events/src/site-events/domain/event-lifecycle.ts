/** Where an event stands: drafted, published (perhaps postponed), then held or called off. */
export const EVENT_STATUSES = ['draft', 'published', 'postponed', 'completed', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_ACTIONS = ['publish', 'update', 'postpone', 'cancel', 'complete'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** Statuses an event takes registrations and check-ins in. */
export const OPEN_STATUSES: readonly EventStatus[] = ['published', 'postponed'];

const LEGAL: Record<EventStatus, readonly EventAction[]> = {
  draft: ['publish', 'update', 'cancel'],
  published: ['update', 'postpone', 'cancel', 'complete'],
  postponed: ['update', 'postpone', 'cancel', 'complete'],
  completed: [],
  cancelled: [],
};

export function legalActions(status: EventStatus): readonly EventAction[] {
  return LEGAL[status];
}

export function isLegal(status: EventStatus, action: EventAction): boolean {
  return LEGAL[status].includes(action);
}

/** The status an action leads to. */
export function statusAfter(status: EventStatus, action: EventAction): EventStatus {
  switch (action) {
    case 'publish':
      return 'published';
    case 'postpone':
      return 'postponed';
    case 'cancel':
      return 'cancelled';
    case 'complete':
      return 'completed';
    case 'update':
      return status;
  }
}
