import { type MatchCriterion, STAGES } from '@technopark/contracts';
import type { FunderCriteria, MatchWeights, StartupFacts } from './match-inputs';

export interface Contribution {
  readonly criterion: MatchCriterion;
  readonly points: number;
  readonly weight: number;
  readonly rationale: string;
}

/** How much of a criterion's weight a startup earns (0–1), and the reason, before the weight is applied. */
interface Fit {
  readonly fraction: number;
  readonly reason: string;
}

const mad = (amount: number) => `${Math.round(amount).toLocaleString('en-US')} MAD`;

const FITS: Record<MatchCriterion, (startup: StartupFacts, funder: FunderCriteria) => Fit> = {
  sector: sectorFit,
  stage: stageFit,
  ticket: ticketFit,
  instrument: instrumentFit,
  traction: tractionFit,
  residency: residencyFit,
};

/** Each criterion's contribution to the score, with a sentence saying why: "sector greentech is in the funder's focus: +25". */
export function scoreContributions(
  startup: StartupFacts,
  funder: FunderCriteria,
  weights: MatchWeights,
): Contribution[] {
  return (Object.keys(FITS) as MatchCriterion[]).map((criterion) => {
    const weight = weights.weights[criterion];
    const fit = FITS[criterion](startup, funder);
    const points = Math.round(weight * fit.fraction * 10) / 10;
    return { criterion, points, weight, rationale: `${fit.reason}: +${points}` };
  });
}

export function totalOf(contributions: readonly Contribution[]): number {
  return Math.min(100, Math.round(contributions.reduce((sum, { points }) => sum + points, 0) * 10) / 10);
}

function sectorFit(startup: StartupFacts, funder: FunderCriteria): Fit {
  const shared = startup.sectors.filter((sector) => funder.sectors.includes(sector));
  if (shared.length > 0) return { fraction: 1, reason: `sector ${shared.join(', ')} is in the funder's focus` };
  return {
    fraction: 0,
    reason: `sector ${startup.sectors.join(', ')} is outside the funder's focus (${funder.sectors.join(', ')})`,
  };
}

function stageFit(startup: StartupFacts, funder: FunderCriteria): Fit {
  if (funder.stages.includes(startup.stage))
    return { fraction: 1, reason: `stage ${startup.stage} is one the funder invests at` };
  const position = STAGES.indexOf(startup.stage);
  const adjacent = funder.stages.some((stage) => Math.abs(STAGES.indexOf(stage) - position) === 1);
  return adjacent
    ? { fraction: 0.5, reason: `stage ${startup.stage} is next to the funder's (${funder.stages.join(', ')})` }
    : { fraction: 0, reason: `stage ${startup.stage} is far from the funder's (${funder.stages.join(', ')})` };
}

/** Inside the range is a full fit; outside, the fit shrinks with the ratio between the ask and the nearest bound. */
function ticketFit(startup: StartupFacts, funder: FunderCriteria): Fit {
  const amount = startup.seeking?.amountMad;
  if (amount === undefined) return { fraction: 0.5, reason: 'no amount sought yet' };
  const range = `${mad(funder.ticketMinMad)}–${mad(funder.ticketMaxMad)}`;
  if (amount >= funder.ticketMinMad && amount <= funder.ticketMaxMad)
    return { fraction: 1, reason: `the ${mad(amount)} sought is within the ticket range ${range}` };
  const fraction = amount < funder.ticketMinMad ? amount / funder.ticketMinMad : funder.ticketMaxMad / amount;
  const side = amount < funder.ticketMinMad ? 'below' : 'above';
  return {
    fraction: Math.round(fraction * 100) / 100,
    reason: `the ${mad(amount)} sought is ${side} the ticket range ${range}`,
  };
}

function instrumentFit(startup: StartupFacts, funder: FunderCriteria): Fit {
  const instrument = startup.seeking?.instrument;
  if (!instrument) return { fraction: 0.5, reason: 'no instrument named yet' };
  return funder.instruments.includes(instrument)
    ? { fraction: 1, reason: `the funder offers ${instrument}` }
    : { fraction: 0, reason: `the funder offers ${funder.instruments.join(', ')}, not ${instrument}` };
}

/** Revenue is half the traction; exporting and a team of five or more a quarter each. */
function tractionFit(startup: StartupFacts): Fit {
  const report = startup.latestReport;
  if (!report) return { fraction: 0, reason: 'no quarterly report yet' };
  const fraction =
    (report.revenueMad > 0 ? 0.5 : 0) + (report.exporting ? 0.25 : 0) + (report.headcount >= 5 ? 0.25 : 0);
  const revenue = report.revenueMad > 0 ? 'revenue reported' : 'no revenue';
  const exporting = report.exporting ? 'exporting' : 'not exporting';
  return { fraction, reason: `${report.period}: ${revenue}, ${exporting}, ${report.headcount} people` };
}

function residencyFit(startup: StartupFacts): Fit {
  const stays = startup.residencies;
  const resident = stays.find((stay) => stay.status === 'started');
  if (resident) return { fraction: 1, reason: `resident of ${resident.programId} since ${resident.startedOn}` };
  const graduate = stays.find((stay) => stay.status === 'ended' && stay.outcome === 'graduated');
  if (graduate) return { fraction: 1, reason: `graduate of ${graduate.programId}` };
  if (stays.some((stay) => stay.status === 'allocated' || stay.status === 'waitlisted'))
    return { fraction: 0.5, reason: 'accepted, not moved in yet' };
  return { fraction: 0, reason: 'not a resident of the site' };
}
