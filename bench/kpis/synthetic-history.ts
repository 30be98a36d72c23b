import {
  ApplicationAccepted,
  ApplicationRejected,
  ApplicationReviewStarted,
  ApplicationSubmitted,
  ResidencyEnded,
  ResidencyStarted,
  ResidentReportSubmitted,
  SECTORS,
  StartupRegistered,
} from '@technopark/contracts';
import { scripted, type ScriptedEvent } from './analytics-process';

const actor = { id: 'bench', role: 'site-staff' as const };
const FIRST_MONTH = Date.UTC(2021, 0, 1);
const DAY = 86_400_000;
const uuid = (kind: number, n: number) =>
  `00000000-0000-4${String(kind).padStart(3, '0')}-8000-${String(n).padStart(12, '0')}`;
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);
const quarter = (ms: number) => `${iso(ms).slice(0, 4)}-Q${Math.floor(new Date(ms).getUTCMonth() / 3) + 1}`;

/** What a history should add up to, to know when the service has projected all of it. */
export interface HistoryTotals {
  readonly events: number;
  readonly submitted: number;
  readonly reports: number;
}

/**
 * Startups `from`..`to` (exclusive) of a synthetic site, spread over 2021–2026: each registers with two
 * sectors, applies, is reviewed and decided; two in three are accepted, move in and report twice;
 * one in four residents leaves 18 months later. About 9 events per startup.
 */
export function syntheticHistory(from: number, to: number): { events: ScriptedEvent[]; totals: HistoryTotals } {
  const events: ScriptedEvent[] = [];
  let reports = 0;
  for (let n = from; n < to; n += 1) {
    const start = FIRST_MONTH + ((n * 37) % 2000) * DAY;
    const startupId = uuid(1, n);
    const programId = n % 2 ? 'incubation' : 'acceleration';
    const application = { applicationId: uuid(2, n), startupId, programId, callId: `${programId}-call`, actor };
    const sectors = [SECTORS[n % SECTORS.length], SECTORS[(n * 7 + 3) % SECTORS.length]].filter(
      (sector, index, all) => all.indexOf(sector) === index,
    ) as (typeof SECTORS)[number][];
    events.push(
      scripted(
        StartupRegistered,
        {
          startupId,
          name: `Startup ${n}`,
          legalForm: 'startup-company',
          foundedOn: day(start - 300 * DAY),
          sectors,
          stage: 'mvp',
          teamSize: 3,
          partnerSharingConsent: true,
          actor,
        },
        iso(start),
      ),
      scripted(ApplicationSubmitted, { ...application, submittedAt: iso(start + DAY) }, iso(start + DAY)),
      scripted(ApplicationReviewStarted, application, iso(start + 5 * DAY)),
    );
    if (n % 3 === 0) {
      events.push(scripted(ApplicationRejected, application, iso(start + (10 + (n % 40)) * DAY)));
      continue;
    }
    events.push(
      scripted(
        ApplicationAccepted,
        {
          ...application,
          programKind: 'incubation',
          programName: 'Incubation',
          durationMonths: 18,
          includesWorkspace: true,
          workspaceNeeds: { desks: 2, office: false },
          averageScore: 75,
        },
        iso(start + (10 + (n % 40)) * DAY),
      ),
    );
    const residency = { residencyId: uuid(3, n), startupId, programId, programKind: 'incubation' as const, actor };
    const movedIn = start + 60 * DAY;
    events.push(
      scripted(
        ResidencyStarted,
        { ...residency, spaceId: `office-${n % 40}`, startedOn: day(movedIn), plannedEndOn: day(movedIn + 540 * DAY) },
        iso(movedIn),
      ),
    );
    for (const after of [100, 200]) {
      const at = movedIn + after * DAY;
      events.push(
        scripted(
          ResidentReportSubmitted,
          {
            ...residency,
            period: quarter(at - 90 * DAY),
            headcount: 3 + (n % 9),
            revenueMad: 10_000 * (n % 13),
            exporting: n % 5 === 0,
            foreignBranch: n % 11 === 0,
          },
          iso(at),
        ),
      );
      reports += 1;
    }
    if (n % 4 === 1)
      events.push(
        scripted(
          ResidencyEnded,
          { ...residency, outcome: 'graduated', endedOn: day(movedIn + 540 * DAY), startedOn: day(movedIn) },
          iso(movedIn + 540 * DAY),
        ),
      );
  }
  return { events, totals: { events: events.length, submitted: to - from, reports } };
}
