import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import { TestClock } from '@technopark/platform/testing';
import type { AuthorizedPrincipal, Role } from '@technopark/security';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { Call } from '../catalogue/schemas/call.schema';
import type { Program } from '../catalogue/schemas/program.schema';
import { StartupsRepository } from '../startups/startups.repository';
import { StartupsService } from '../startups/startups.service';
import { InMemoryApplications, InMemoryCatalogue, InMemoryStartups } from '../testing/in-memory-repositories';
import { ApplicationWorkflowService } from './application-workflow.service';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';

const SITE = 'rabat';
const DAY = 86_400_000;
const MARKS = { team: 8, market: 6, innovation: 7, feasibility: 5 };

const as = (actingAs: Role, subject: string, startupId?: string): AuthorizedPrincipal => ({
  subject,
  roles: [actingAs],
  sites: [SITE],
  actingAs,
  ...(startupId && { startupId }),
});
const staff = as('site-staff', 'staff-1');
const member = (name: string) => as('committee-member', name);

describe('the application workflow, over in-memory repositories', () => {
  let applications: InMemoryApplications;
  let workflow: ApplicationWorkflowService;
  let drafts: ApplicationsService;
  let startups: StartupsService;

  beforeEach(async () => {
    applications = new InMemoryApplications();
    const catalogue = new InMemoryCatalogue();
    const module = await Test.createTestingModule({
      providers: [
        ApplicationWorkflowService,
        ApplicationsService,
        CatalogueService,
        StartupsService,
        { provide: ApplicationsRepository, useValue: applications },
        { provide: CatalogueRepository, useValue: catalogue },
        { provide: StartupsRepository, useValue: new InMemoryStartups() },
        { provide: SERVICE_ENVIRONMENT, useValue: { DECISION_MINIMUM_SCORES: 2 } },
        { provide: Clock, useValue: new TestClock() },
      ],
    }).compile();
    workflow = module.get(ApplicationWorkflowService);
    drafts = module.get(ApplicationsService);
    startups = module.get(StartupsService);
    const rubric = Object.keys(MARKS).map((criterion) => ({ criterion, weight: 25 }));
    await catalogue.createProgram({
      _id: 'incubation',
      name: 'Incubation',
      kind: 'incubation',
      durationMonths: 18,
      includesWorkspace: true,
      targetSectors: [],
      rubric,
    } as unknown as Program);
    const opensAt = new Date(Date.now() - DAY);
    await catalogue.createCall({
      _id: 'autumn',
      programId: 'incubation',
      title: 'Autumn',
      opensAt,
      closesAt: new Date(opensAt.getTime() + 30 * DAY),
      cohortCapacity: 1,
    } as unknown as Call);
  });

  /** A registered startup's application, submitted and in review. */
  async function applicationInReview(startupId = randomUUID()): Promise<string> {
    const founder = as('startup', `founder-${startupId}`, startupId);
    const profile = {
      name: `Startup ${startupId}`,
      legalForm: 'tpe',
      foundedOn: '2024-03-11',
      sectors: ['ai'],
      stage: 'mvp',
    };
    await startups.register({ ...profile, teamSize: 3, founders: [], partnerSharingConsent: false } as never, founder);
    const needs = { desks: 2, office: false, fundingAmountMad: 0, mentoring: false };
    const { application } = await drafts.createDraft({ callId: 'autumn', answers: [], needs } as never, founder);
    await workflow.submit(application._id, founder);
    await workflow.startReview(application._id, staff);
    return application._id;
  }

  /** The same, with the two committee scores a decision needs. */
  async function scoredApplication(startupId = randomUUID()): Promise<string> {
    const id = await applicationInReview(startupId);
    await workflow.score(id, { marks: MARKS }, member('member-a'));
    await workflow.score(id, { marks: MARKS }, member('member-b'));
    return id;
  }

  it('moves an application from draft to accepted, writing each move with its event', async () => {
    const id = await scoredApplication();
    const { application } = await workflow.decide(id, { outcome: 'accepted', reason: 'the committee decided' }, staff);
    expect(application.status).toBe('accepted');
    expect(application.history.map((entry) => entry.action)).toEqual([
      'create',
      'submit',
      'start-review',
      'score',
      'score',
      'accept',
    ]);
    expect(applications.published.map((event) => event.contract.type.split('.')[3])).toEqual([
      'submitted',
      'review-started',
      'scored',
      'scored',
      'accepted',
    ]);
  });

  it('gives the last seat of a cohort to one startup only', async () => {
    const first = await scoredApplication();
    const second = await scoredApplication();
    await workflow.decide(first, { outcome: 'accepted', reason: 'the committee decided' }, staff);
    await expect(
      workflow.decide(second, { outcome: 'accepted', reason: 'the committee decided' }, staff),
    ).rejects.toMatchObject({
      code: 'APPLICATION.COHORT_FULL',
    });
  });

  it('answers a retry with the same Idempotency-Key with the move already made, and publishes once', async () => {
    const id = await scoredApplication();
    await workflow.decide(id, { outcome: 'rejected', reason: 'the committee decided' }, staff, 'retry-1');
    const again = await workflow.decide(id, { outcome: 'rejected', reason: 'the committee decided' }, staff, 'retry-1');
    expect(again.replayed).toBe(true);
    expect(applications.published.filter((event) => event.contract.type.endsWith('.rejected.v1'))).toHaveLength(1);
  });

  it('reads again and applies the move when someone else changed the application in between', async () => {
    const id = await scoredApplication();
    applications.beforeNextWrite = () => applications.touch(id);
    const { application } = await workflow.decide(
      id,
      { outcome: 'waitlisted', reason: 'the committee decided' },
      staff,
    );
    expect(application.status).toBe('waitlisted');
  });

  it('refuses a decision before enough committee scores', async () => {
    const id = await applicationInReview();
    await workflow.score(id, { marks: MARKS }, member('member-a'));
    await expect(
      workflow.decide(id, { outcome: 'accepted', reason: 'the committee decided' }, staff),
    ).rejects.toMatchObject({
      code: 'APPLICATION.NOT_ENOUGH_SCORES',
    });
  });
});
