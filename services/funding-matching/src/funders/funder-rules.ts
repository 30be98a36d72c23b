import type { CreateFunderDto } from './dto/funder.dto';
import { siteNotCovered, ticketRangeInverted, windowInverted, windowsOverlap } from './funders.errors';

type FunderCriteriaInput = Pick<CreateFunderDto, 'ticketMinMad' | 'ticketMaxMad' | 'sites' | 'windows'>;

/** Rules across fields, which a field's own validation cannot see: answered 422 naming the field. */
export function assertCoherentFunder(funder: FunderCriteriaInput, site: string): void {
  if (funder.ticketMinMad > funder.ticketMaxMad) throw ticketRangeInverted(funder.ticketMinMad, funder.ticketMaxMad);
  if (!funder.sites.includes(site)) throw siteNotCovered(site);
  const windows = [...funder.windows].sort((a, b) => a.opensOn.localeCompare(b.opensOn));
  for (const window of windows) if (window.closesOn < window.opensOn) throw windowInverted(window.windowId);
  for (let index = 1; index < windows.length; index++) {
    const previous = windows[index - 1];
    const current = windows[index];
    if (previous && current && current.opensOn <= previous.closesOn)
      throw windowsOverlap(previous.windowId, current.windowId);
  }
}

/** The window open today: `rolling` for a funder without windows, null when none is open. */
export function openWindowOf(
  windows: readonly { windowId: string; opensOn: string; closesOn: string }[],
  today: string,
): string | null {
  if (windows.length === 0) return 'rolling';
  return windows.find((window) => window.opensOn <= today && today <= window.closesOn)?.windowId ?? null;
}
