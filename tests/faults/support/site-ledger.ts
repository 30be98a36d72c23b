import { bearer } from '@technopark/security/testing';
import type { FaultSite } from './fault-site';
import {
  acceptedApplications,
  type FunnelCount,
  funnelExpectation,
  funnelFindings,
  type LedgerFindings,
  placementsOf,
} from './ledger';
import type { Workload } from './workload';

/** How often the ledger is compared while the platform catches up. */
const POLL_MS = 2_000;
/** Residencies read at once: a few hundred accepted applications are checked in about a second. */
const READS_AT_ONCE = 10;

/**
 * Compares a workload's history with what the services answer over HTTP: the analytics funnel of
 * its program (at the site, and with HQ, HQ's view of the site and the national one), and one
 * residency per accepted application, placed once. Waits until they agree or `catchUpMs` has
 * passed; resolves to what it found then, and how long it waited.
 */
export async function settleLedger(
  site: FaultSite,
  workload: Workload,
  catchUpMs: number,
): Promise<LedgerFindings & { catchUpMs: number }> {
  const staff = bearer(await site.tokens.forRole('site-staff', site.site));
  const national = bearer(await site.tokens.forRole('partner', 'national'));
  const query = `kpis?programId=${workload.programId}`;
  const views: [string, string, Record<string, string>][] = [
    [`${site.site}'s analytics`, `${site.url('analytics')}/v1/${query}`, staff],
    ...(site.withHq
      ? ([
          [`HQ's view of ${site.site}`, `${site.hqUrl()}/v1/sites/${site.site}/${query}`, national],
          ['the national figures', `${site.hqUrl()}/v1/${query}`, national],
        ] as [string, string, Record<string, string>][])
      : []),
  ];
  const expected = funnelExpectation(workload.history);
  const accepted = acceptedApplications(workload.history);
  const placed = new Map<string, number>();
  const started = Date.now();
  for (;;) {
    const funnel = combined(
      await Promise.all(
        views.map(async ([view, url, headers]) => ({
          view,
          ...funnelFindings(expected, await shownFunnel(url, headers)),
        })),
      ),
    );
    const unsettled = accepted.filter((id) => placed.get(id) !== 1);
    for (let next = 0; next < unsettled.length; next += READS_AT_ONCE)
      await Promise.all(
        unsettled
          .slice(next, next + READS_AT_ONCE)
          .map(async (id) => placed.set(id, await placements(site, id, staff))),
      );
    const unplaced = accepted.filter((id) => (placed.get(id) ?? 0) === 0);
    const twice = accepted.filter((id) => (placed.get(id) ?? 0) > 1);
    const agreed = funnel.kpiDrift === 0 && unplaced.length === 0 && twice.length === 0;
    if (agreed || Date.now() - started >= catchUpMs)
      return {
        lost: funnel.lost + unplaced.length,
        duplicated: funnel.duplicated + twice.reduce((sum, id) => sum + (placed.get(id) as number) - 1, 0),
        kpiDrift: funnel.kpiDrift,
        details: [
          ...funnel.details,
          ...(unplaced.length ? [`accepted with no residency: ${unplaced.slice(0, 5).join(', ')}…`] : []),
          ...(twice.length ? [`placed more than once: ${twice.slice(0, 5).join(', ')}`] : []),
        ],
        catchUpMs: Date.now() - started,
      };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The findings of every view as one: what each view lacks or repeats adds up, each detail naming its view. */
function combined(findings: readonly (LedgerFindings & { view: string })[]): LedgerFindings {
  return {
    lost: findings.reduce((sum, each) => sum + each.lost, 0),
    duplicated: findings.reduce((sum, each) => sum + each.duplicated, 0),
    kpiDrift: findings.reduce((sum, each) => sum + each.kpiDrift, 0),
    details: findings.flatMap((each) => each.details.map((detail) => `${each.view}: ${detail}`)),
  };
}

async function shownFunnel(
  url: string,
  headers: Record<string, string>,
): Promise<Partial<Record<FunnelCount, number>>> {
  const response = await fetch(url, { headers }).catch(() => undefined);
  // Not answering yet (restarting): nothing shown, which is short of the ledger, so the wait goes on.
  if (response?.status !== 200) return {};
  return ((await response.json()) as { funnel: { counts: Partial<Record<FunnelCount, number>> } }).funnel.counts;
}

/** How many times the application's residency was placed (allocated or waitlisted); 0 when there is none yet. */
async function placements(site: FaultSite, applicationId: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(`${site.url('residency')}/v1/residencies/${applicationId}`, { headers }).catch(
    () => undefined,
  );
  if (response?.status !== 200) return 0;
  return placementsOf((await response.json()) as { history?: { action: string }[] });
}
