import type { PartnerScope, Sector, Stage } from '@technopark/contracts';
import type { SubscriptionFilters } from './schemas/subscription.schema';

/** What filters look at of a startup, from the gateway's directory. */
export interface StartupTraits {
  readonly sectors: readonly Sector[];
  readonly stage: Stage;
}

/** What routing looks at of a partner-facing item. */
export interface RoutedItem {
  readonly type: string;
  readonly scope: PartnerScope;
  readonly payload: { readonly startupId: string; readonly site: string };
  readonly programId?: string;
  readonly programPartnerId?: string;
}

/** Whether an item passes a subscription's filters; an empty filter does not narrow. */
export function passesFilters(
  filters: SubscriptionFilters,
  item: RoutedItem,
  startup: StartupTraits | undefined,
): boolean {
  const allows = <T>(list: readonly T[], value: T | undefined) =>
    list.length === 0 || (value !== undefined && list.includes(value));
  return (
    allows(filters.eventTypes, item.type) &&
    allows(filters.sites, item.payload.site) &&
    allows(filters.stages, startup?.stage) &&
    allows(filters.programs, item.programId) &&
    (filters.sectors.length === 0 || (startup?.sectors ?? []).some((sector) => filters.sectors.includes(sector)))
  );
}

/** The applications scope covers only applications to the partner's own programs. */
export function isWithinPartnerReach(
  item: RoutedItem,
  partner: { _id: string; programIds: readonly string[] },
): boolean {
  if (item.scope !== 'applications') return true;
  return (
    item.programPartnerId === partner._id ||
    (item.programId !== undefined && partner.programIds.includes(item.programId))
  );
}
