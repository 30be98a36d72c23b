import { monthsBetween, addMonths } from './calendar';
import type { FunderCriteria, StartupFacts } from './match-inputs';

export const GATES = [
  'window-open',
  'site-covered',
  'incorporated',
  'min-revenue',
  'min-headcount',
  'min-residency-months',
  'alumni-of-program',
] as const;
export type GateName = (typeof GATES)[number];

export interface GateResult {
  readonly gate: GateName;
  readonly passed: boolean;
  readonly reason: string;
}

export interface GateOutcome {
  readonly gates: GateResult[];
  /** The day a startup short of residency months reaches them: the match is computed again then (windows have their own sweep). */
  readonly recheckOn?: string;
}

const COMPANY_FORMS = ['tpe', 'sme', 'startup-company'];
const mad = (amount: number) => `${Math.round(amount).toLocaleString('en-US')} MAD`;

/** The funder's hard conditions, each passed or failed with its reason; only the ones the funder sets. */
export function evaluateGates(startup: StartupFacts, funder: FunderCriteria, site: string, today: string): GateOutcome {
  const { requirements } = funder;
  const gates: GateResult[] = [windowGate(funder, today), siteGate(funder, site)];
  if (requirements.incorporated) gates.push(incorporatedGate(startup));
  if (requirements.minRevenueMad != null) gates.push(revenueGate(startup, requirements.minRevenueMad));
  if (requirements.minHeadcount != null) gates.push(headcountGate(startup, requirements.minHeadcount));
  let recheckOn: string | undefined;
  if (requirements.minResidencyMonths != null) {
    const residency = residencyMonthsGate(startup, requirements.minResidencyMonths, today);
    gates.push(residency.gate);
    recheckOn = residency.recheckOn;
  }
  if (requirements.alumniOfProgram) gates.push(alumniGate(startup, requirements.alumniOfProgram));
  return { gates, ...(recheckOn && { recheckOn }) };
}

function windowGate(funder: FunderCriteria, today: string): GateResult {
  if (funder.windows.length === 0) return pass('window-open', 'takes applications all year');
  const open = funder.windows.find((window) => window.opensOn <= today && today <= window.closesOn);
  if (open) return pass('window-open', `window ${open.windowId} is open until ${open.closesOn}`);
  const next = nextOpening(funder, today);
  return fail(
    'window-open',
    next ? `no window is open; the next opens on ${next}` : 'no window is open, and none is planned',
  );
}

function siteGate(funder: FunderCriteria, site: string): GateResult {
  return funder.sites.includes(site)
    ? pass('site-covered', `covers ${site}`)
    : fail('site-covered', `covers ${funder.sites.join(', ')}, not ${site}`);
}

function incorporatedGate(startup: StartupFacts): GateResult {
  return COMPANY_FORMS.includes(startup.legalForm)
    ? pass('incorporated', `incorporated as ${startup.legalForm}`)
    : fail('incorporated', `only incorporated companies; the startup is a ${startup.legalForm}`);
}

/** The funder's minimum is yearly; the latest quarter's revenue, times four, stands for the year. */
function revenueGate(startup: StartupFacts, minimum: number): GateResult {
  const report = startup.latestReport;
  if (!report) return fail('min-revenue', `needs ${mad(minimum)} a year; no quarterly report yet`);
  const yearly = report.revenueMad * 4;
  const said = `${report.period} revenue annualizes to ${mad(yearly)}`;
  return yearly >= minimum
    ? pass('min-revenue', `${said}, at least the ${mad(minimum)} minimum`)
    : fail('min-revenue', `${said}, under the ${mad(minimum)} minimum`);
}

function headcountGate(startup: StartupFacts, minimum: number): GateResult {
  const headcount = startup.latestReport?.headcount ?? startup.teamSize;
  const source = startup.latestReport ? `${startup.latestReport.period} report` : 'profile';
  return headcount >= minimum
    ? pass('min-headcount', `${headcount} people (${source}), at least ${minimum}`)
    : fail('min-headcount', `${headcount} people (${source}), under the minimum of ${minimum}`);
}

function residencyMonthsGate(
  startup: StartupFacts,
  minimum: number,
  today: string,
): { gate: GateResult; recheckOn?: string } {
  const stays = startup.residencies.filter((residency) => residency.startedOn);
  if (stays.length === 0)
    return { gate: fail('min-residency-months', `needs ${minimum} months in residency; not moved in yet`) };
  const months = Math.max(...stays.map((stay) => monthsBetween(stay.startedOn as string, stay.endedOn ?? today)));
  if (months >= minimum)
    return { gate: pass('min-residency-months', `${months} months in residency, at least ${minimum}`) };
  const current = stays.find((stay) => stay.status === 'started');
  return {
    gate: fail('min-residency-months', `${months} months in residency, under the minimum of ${minimum}`),
    ...(current && { recheckOn: addMonths(current.startedOn as string, minimum) }),
  };
}

function alumniGate(startup: StartupFacts, programId: string): GateResult {
  const member = startup.residencies.find(
    (residency) =>
      residency.programId === programId &&
      (residency.status === 'started' || (residency.status === 'ended' && residency.outcome === 'graduated')),
  );
  if (!member) return fail('alumni-of-program', `only residents and graduates of ${programId}`);
  return pass(
    'alumni-of-program',
    member.status === 'started' ? `resident of ${programId}` : `graduate of ${programId}`,
  );
}

function nextOpening(funder: FunderCriteria, today: string): string | undefined {
  return funder.windows
    .map((window) => window.opensOn)
    .filter((opensOn) => opensOn > today)
    .sort()[0];
}

const pass = (gate: GateName, reason: string): GateResult => ({ gate, passed: true, reason });
const fail = (gate: GateName, reason: string): GateResult => ({ gate, passed: false, reason });
