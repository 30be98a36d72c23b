import { randomUUID } from 'node:crypto';
import { FUNDER_KINDS, INSTRUMENTS, LEGAL_FORMS, SECTORS, STAGES } from '@technopark/contracts';

/** A repeatable pseudo-random sequence, so every run matches the same network. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const some = <T>(random: () => number, values: readonly T[], most: number): T[] => [
  ...new Set(Array.from({ length: 1 + Math.floor(random() * most) }, () => pick(random, values))),
];

export interface SyntheticStartup {
  readonly startupId: string;
  readonly residencyId: string;
  readonly registered: object;
  readonly started?: object;
  readonly report?: object;
  readonly seeking?: object;
}

/** Startups with sectors, stages, forms, residencies, reports and asks spread as on a real site. */
export function syntheticStartups(count: number, seed = 7): SyntheticStartup[] {
  const random = sequence(seed);
  return Array.from({ length: count }, (_, index) => {
    const startupId = randomUUID();
    const residencyId = randomUUID();
    const actor = { id: 'bench', role: 'system' };
    const reference = { residencyId, startupId, programId: 'incubation', programKind: 'incubation', actor };
    const resident = random() < 0.6;
    return {
      startupId,
      residencyId,
      registered: {
        startupId,
        name: `Bench startup ${index}`,
        legalForm: pick(random, LEGAL_FORMS),
        foundedOn: '2024-01-01',
        sectors: some(random, SECTORS, 2),
        stage: pick(random, STAGES),
        teamSize: 1 + Math.floor(random() * 20),
        partnerSharingConsent: true,
        actor,
      },
      ...(resident && {
        started: {
          ...reference,
          spaceId: 'hub',
          startedOn: `2026-0${1 + Math.floor(random() * 9)}-01`,
          plannedEndOn: '2028-01-01',
        },
      }),
      ...(resident &&
        random() < 0.7 && {
          report: {
            ...reference,
            period: '2026-Q3',
            headcount: 1 + Math.floor(random() * 30),
            revenueMad: Math.floor(random() * 2_000_000),
            exporting: random() < 0.3,
            foreignBranch: false,
          },
        }),
      ...(random() < 0.5 && {
        seeking: {
          amountMad: 100_000 * (1 + Math.floor(random() * 40)),
          instrument: pick(random, INSTRUMENTS),
          useOfFunds: 'Growth',
        },
      }),
    };
  });
}

/** Funders with criteria of every kind: most take applications all year, some have a window open now. */
export function syntheticFunders(count: number, site: string, seed = 11): object[] {
  const random = sequence(seed);
  return Array.from({ length: count }, (_, index) => {
    const ticketMinMad = 50_000 * (1 + Math.floor(random() * 20));
    return {
      funderId: `bench-funder-${index}`,
      name: `Bench funder ${index}`,
      kind: pick(random, FUNDER_KINDS),
      sectors: some(random, SECTORS, 5),
      stages: some(random, STAGES, 3),
      ticketMinMad,
      ticketMaxMad: ticketMinMad * (2 + Math.floor(random() * 10)),
      instruments: some(random, INSTRUMENTS, 2),
      sites: [site],
      requirements: {
        incorporated: random() < 0.7,
        ...(random() < 0.3 && { minRevenueMad: 250_000 * Math.floor(1 + random() * 8) }),
        ...(random() < 0.3 && { minHeadcount: 1 + Math.floor(random() * 10) }),
        ...(random() < 0.2 && { minResidencyMonths: 3 + Math.floor(random() * 9) }),
      },
      windows: random() < 0.2 ? [{ windowId: 'now', opensOn: '2026-01-01', closesOn: '2030-12-31' }] : [],
    };
  });
}
