import { randomUUID } from 'node:crypto';
import type {
  ResidencyEndedV1,
  ResidencyStartedV1,
  ResidentReportSubmittedV1,
  Sector,
  Stage,
  StartupRegisteredV1,
} from '@technopark/contracts';

/** The day the scripted network is read on. */
export const NETWORK_DAY = '2027-02-10';

const funder = (funderId: string, criteria: object) => ({
  funderId,
  name: `Funder ${funderId}`,
  sites: ['__site__'],
  windows: [],
  ...criteria,
});

/** Twelve funders with known criteria; `__site__` is replaced by the test site's id. */
export const NETWORK_FUNDERS = [
  funder('seed-alpha', {
    kind: 'seed-fund',
    sectors: ['agritech', 'greentech'],
    stages: ['mvp', 'revenue'],
    ticketMinMad: 200_000,
    ticketMaxMad: 2_000_000,
    instruments: ['equity', 'convertible'],
    requirements: { incorporated: true },
  }),
  funder('vc-beta', {
    kind: 'vc-fund',
    sectors: ['fintech', 'ai', 'ict'],
    stages: ['revenue', 'scale-up'],
    ticketMinMad: 2_000_000,
    ticketMaxMad: 10_000_000,
    instruments: ['equity'],
    requirements: { incorporated: true, minRevenueMad: 1_000_000 },
  }),
  funder('grant-gamma', {
    kind: 'grant-program',
    sectors: ['agritech', 'healthtech', 'edtech', 'greentech'],
    stages: ['idea', 'mvp'],
    ticketMinMad: 50_000,
    ticketMaxMad: 500_000,
    instruments: ['grant'],
    requirements: { incorporated: false },
  }),
  funder('loan-delta', {
    kind: 'bank-loan-program',
    sectors: ['ict', 'fintech', 'logistics', 'tourism'],
    stages: ['mvp', 'revenue'],
    ticketMinMad: 100_000,
    ticketMaxMad: 1_200_000,
    instruments: ['loan'],
    requirements: { incorporated: true, minHeadcount: 3 },
  }),
  funder('angels-epsilon', {
    kind: 'angel-network',
    sectors: ['fintech', 'gaming', 'creative-industries'],
    stages: ['mvp'],
    ticketMinMad: 100_000,
    ticketMaxMad: 800_000,
    instruments: ['equity', 'convertible'],
    requirements: { incorporated: true },
    windows: [{ windowId: 'w1', opensOn: '2027-01-15', closesOn: '2027-03-15' }],
  }),
  funder('corp-zeta', {
    kind: 'corporate-program',
    sectors: ['ai', 'mobility', 'logistics', 'greentech'],
    stages: ['mvp', 'revenue'],
    ticketMinMad: 250_000,
    ticketMaxMad: 2_000_000,
    instruments: ['equity', 'convertible'],
    requirements: { incorporated: true, minResidencyMonths: 6 },
    windows: [{ windowId: '2027-spring', opensOn: '2027-03-01', closesOn: '2027-04-30' }],
    partnerId: 'plug-and-play',
  }),
  funder('alumni-eta', {
    kind: 'corporate-program',
    sectors: ['ai', 'agritech', 'fintech', 'greentech', 'ict'],
    stages: ['revenue', 'scale-up'],
    ticketMinMad: 500_000,
    ticketMaxMad: 3_000_000,
    instruments: ['convertible'],
    requirements: { incorporated: true, alumniOfProgram: 'acceleration' },
  }),
  funder('green-theta', {
    kind: 'seed-fund',
    sectors: ['greentech'],
    stages: ['idea', 'mvp', 'revenue'],
    ticketMinMad: 100_000,
    ticketMaxMad: 1_000_000,
    instruments: ['equity', 'grant'],
    requirements: { incorporated: false, minHeadcount: 2 },
  }),
  funder('scale-iota', {
    kind: 'vc-fund',
    sectors: ['ict', 'ai', 'cybersecurity'],
    stages: ['scale-up'],
    ticketMinMad: 5_000_000,
    ticketMaxMad: 20_000_000,
    instruments: ['equity'],
    requirements: { incorporated: true, minRevenueMad: 5_000_000, minHeadcount: 20 },
  }),
  funder('health-kappa', {
    kind: 'seed-fund',
    sectors: ['healthtech', 'ai'],
    stages: ['mvp', 'revenue'],
    ticketMinMad: 700_000,
    ticketMaxMad: 1_500_000,
    instruments: ['equity', 'convertible'],
    requirements: { incorporated: true },
  }),
  funder('closed-lambda', {
    kind: 'grant-program',
    sectors: ['agritech', 'greentech'],
    stages: ['idea', 'mvp', 'revenue'],
    ticketMinMad: 50_000,
    ticketMaxMad: 300_000,
    instruments: ['grant'],
    requirements: { incorporated: false },
    windows: [{ windowId: '2026-autumn', opensOn: '2026-09-01', closesOn: '2026-11-30' }],
  }),
  funder('edu-mu', {
    kind: 'angel-network',
    sectors: ['edtech', 'creative-industries'],
    stages: ['mvp'],
    ticketMinMad: 50_000,
    ticketMaxMad: 400_000,
    instruments: ['equity'],
    requirements: { incorporated: false },
  }),
];

const actor = { id: 'scripted', role: 'system' as const };

/** A startup of the network: what applications and residency published about it, and what it seeks. */
export interface ScriptedStartup {
  readonly registered: StartupRegisteredV1;
  readonly started?: ResidencyStartedV1;
  readonly ended?: ResidencyEndedV1;
  readonly report?: ResidentReportSubmittedV1;
  readonly seeking?: { amountMad: number; instrument?: string; useOfFunds: string };
}

function startup(
  name: string,
  profile: { sectors: Sector[]; stage: Stage; legalForm: StartupRegisteredV1['legalForm']; teamSize: number },
  history: {
    programId?: string;
    startedOn?: string;
    endedOn?: string;
    report?: [string, number, number, boolean];
    seeking?: ScriptedStartup['seeking'];
  } = {},
): ScriptedStartup {
  const startupId = randomUUID();
  const residencyId = randomUUID();
  const programId = history.programId ?? 'incubation';
  const reference = { residencyId, startupId, programId, programKind: 'incubation' as const, actor };
  return {
    registered: { startupId, name, foundedOn: '2024-01-15', partnerSharingConsent: true, actor, ...profile },
    ...(history.startedOn && {
      started: { ...reference, spaceId: 'hub', startedOn: history.startedOn, plannedEndOn: '2028-12-01' },
    }),
    ...(history.endedOn && {
      ended: {
        ...reference,
        outcome: 'graduated',
        endedOn: history.endedOn,
        startedOn: history.startedOn,
        spaceId: 'hub',
      },
    }),
    ...(history.report && {
      report: {
        ...reference,
        period: history.report[0],
        revenueMad: history.report[1],
        headcount: history.report[2],
        exporting: history.report[3],
        foreignBranch: false,
      },
    }),
    ...(history.seeking && { seeking: history.seeking }),
  };
}

/** The four startups whose gates and ranking were computed by hand (see matching.int-spec). */
export const SOUSS_AGRITECH = startup(
  'Souss Agritech',
  { sectors: ['agritech', 'ai'], stage: 'mvp', legalForm: 'startup-company', teamSize: 4 },
  {
    startedOn: '2026-06-01',
    report: ['2026-Q4', 60_000, 4, false],
    seeking: { amountMad: 600_000, instrument: 'equity', useOfFunds: 'Sensors' },
  },
);
export const CASA_PAY = startup(
  'Casa Pay',
  { sectors: ['fintech'], stage: 'revenue', legalForm: 'sme', teamSize: 12 },
  {
    programId: 'acceleration',
    startedOn: '2025-01-01',
    endedOn: '2026-07-01',
    report: ['2026-Q4', 400_000, 12, true],
    seeking: { amountMad: 3_000_000, instrument: 'equity', useOfFunds: 'West Africa launch' },
  },
);
export const ATLAS_IDEAS = startup('Atlas Ideas', {
  sectors: ['edtech'],
  stage: 'idea',
  legalForm: 'project-holder',
  teamSize: 1,
});
export const TANGER_MOBILITY = startup(
  'Tanger Mobility',
  { sectors: ['mobility', 'ai'], stage: 'mvp', legalForm: 'startup-company', teamSize: 6 },
  {
    programId: 'acceleration',
    startedOn: '2026-10-01',
    report: ['2026-Q4', 0, 6, false],
    seeking: { amountMad: 1_000_000, instrument: 'convertible', useOfFunds: 'Fleet pilot' },
  },
);

const SECTOR_CYCLE: Sector[] = [
  'ict',
  'greentech',
  'fintech',
  'ai',
  'agritech',
  'healthtech',
  'edtech',
  'logistics',
  'tourism',
];
const STAGE_CYCLE: Stage[] = ['idea', 'mvp', 'revenue', 'scale-up'];
const FORM_CYCLE: StartupRegisteredV1['legalForm'][] = [
  'startup-company',
  'sme',
  'tpe',
  'project-holder',
  'cooperative',
];

/** The other 36: a spread of sectors, stages, forms, residencies and reports, so every gate fails somewhere. */
export const OTHER_STARTUPS: ScriptedStartup[] = Array.from({ length: 36 }, (_, index) =>
  startup(
    `Startup ${index + 5}`,
    {
      sectors: [SECTOR_CYCLE[index % SECTOR_CYCLE.length] as Sector],
      stage: STAGE_CYCLE[index % STAGE_CYCLE.length] as Stage,
      legalForm: FORM_CYCLE[index % FORM_CYCLE.length] as StartupRegisteredV1['legalForm'],
      teamSize: 1 + (index % 9),
    },
    {
      ...(index % 3 !== 0 && { startedOn: `2026-0${1 + (index % 9)}-01` }),
      ...(index % 2 === 0 && {
        report: ['2026-Q4', (index % 5) * 150_000, 2 + (index % 7), index % 4 === 0] as [
          string,
          number,
          number,
          boolean,
        ],
      }),
      ...(index % 4 === 1 && { seeking: { amountMad: 100_000 * (1 + (index % 12)), useOfFunds: 'Growth' } }),
    },
  ),
);

export const NETWORK_STARTUPS = [SOUSS_AGRITECH, CASA_PAY, ATLAS_IDEAS, TANGER_MOBILITY, ...OTHER_STARTUPS];
