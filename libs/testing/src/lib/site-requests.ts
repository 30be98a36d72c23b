import { randomUUID } from 'node:crypto';

const DAY = 24 * 60 * 60 * 1000;

/** Every committee member's marks in the suites' journeys: a score that passes. */
export const PASSING_MARKS = { team: 8, market: 6, innovation: 7, feasibility: 5 };

/** The bodies a site's staff and startups send to the applications service, for suites that drive it over HTTP. */
export const siteRequests = {
  /** An incubation program with workspace: an accepted startup is given a place (or waits for one) at residency. */
  program: (id: string) => ({
    id,
    name: 'Incubation',
    kind: 'incubation',
    targetSectors: ['agritech'],
    durationMonths: 18,
    includesWorkspace: true,
    rubric: [
      { criterion: 'team', weight: 30 },
      { criterion: 'market', weight: 25 },
      { criterion: 'innovation', weight: 25 },
      { criterion: 'feasibility', weight: 20 },
    ],
  }),

  /** A call open since yesterday, for two months, with room for `capacity` startups. */
  call: (id: string, title: string, capacity = 1_000) => {
    const opensAt = new Date(Date.now() - DAY);
    return { id, title, opensAt, closesAt: new Date(opensAt.getTime() + 60 * DAY), cohortCapacity: capacity };
  },

  startup: (label: string) => ({
    name: `${label} ${randomUUID().slice(0, 6)}`,
    legalForm: 'tpe',
    foundedOn: '2024-03-11',
    sectors: ['agritech'],
    stage: 'mvp',
    teamSize: 4,
    founders: [{ fullName: 'Salma Bennani', email: 'salma@example.ma', phone: '+212600000000' }],
    partnerSharingConsent: true,
  }),

  application: (callId: string) => ({
    callId,
    answers: [{ question: 'What problem do you solve?', answer: 'Water use on small farms.' }],
    needs: { desks: 2, office: false, fundingAmountMad: 250000, mentoring: true },
    pitch: 'Cheap soil sensors.',
  }),
};
