import { topicFor } from '@technopark/contracts';
import {
  eventually,
  header,
  infrastructureEnv,
  readTopic,
  testKafka,
  type TopicRecord,
  withoutCopies,
} from '@technopark/testing';
import { ApplicationsApp, expectStatus, MARKS } from './support/applications-app';

const kafka = testKafka(infrastructureEnv().KAFKA_BROKERS);

async function eventsOf(topic: string, subject: string, count: number): Promise<TopicRecord[]> {
  let records: TopicRecord[] = [];
  await eventually(async () => {
    records = withoutCopies(await readTopic(kafka, topic)).filter((record) => header(record, 'ce_subject') === subject);
    return records.length >= count;
  }, `${count} events about ${subject} on ${topic}`);
  return records;
}

const typeOf = (record: TopicRecord) => header(record, 'ce_type')?.replace(/^ma\.technopark\./, '');
const payloadOf = (record: TopicRecord) => JSON.parse(String(record.value));

describe('an application from draft to acceptance, seen on Kafka', () => {
  const service = new ApplicationsApp();

  beforeAll(() => service.start());
  afterAll(() => service.close());

  it('publishes each step as a CloudEvent, in order, with the actor who took it', async () => {
    const { programId, callId } = await service.openCall();
    const startupId = await service.registerStartup('Atlas Water');
    const applicationId = await service.draft(startupId, callId);

    await expectStatus(
      service.as('startup', { startupId, subject: 'founder-1' }).post(`/v1/applications/${applicationId}/submit`),
      200,
    );
    await expectStatus(
      service.as('site-staff', { subject: 'staff-1' }).post(`/v1/applications/${applicationId}/review`),
      200,
    );
    await expectStatus(
      service
        .as('committee-member', { subject: 'member-a' })
        .post(`/v1/applications/${applicationId}/scores`, { marks: MARKS }),
      200,
    );
    await expectStatus(
      service.as('committee-member', { subject: 'member-b' }).post(`/v1/applications/${applicationId}/scores`, {
        marks: { team: 10, market: 10, innovation: 10, feasibility: 10 },
      }),
      200,
    );
    const decided = await expectStatus(
      service.as('site-staff', { subject: 'staff-1' }).post(`/v1/applications/${applicationId}/decision`, {
        outcome: 'accepted',
        reason: 'Strong team, clear market.',
      }),
      200,
    );

    expect(decided.body).toMatchObject({
      status: 'accepted',
      decision: {
        outcome: 'accepted',
        reason: 'Strong team, clear market.',
        decidedBy: { id: 'staff-1', role: 'site-staff' },
      },
      allowedActions: [],
    });
    expect(decided.body.history.map((entry: { action: string }) => entry.action)).toEqual([
      'create',
      'submit',
      'start-review',
      'score',
      'score',
      'accept',
    ]);

    const records = await eventsOf(topicFor(service.site, 'applications'), applicationId, 5);
    expect(records.map(typeOf)).toEqual([
      'application.submitted.v1',
      'application.review-started.v1',
      'application.scored.v1',
      'application.scored.v1',
      'application.accepted.v1',
    ]);
    expect(records.map((record) => payloadOf(record).actor)).toEqual([
      { id: 'founder-1', role: 'startup' },
      { id: 'staff-1', role: 'site-staff' },
      { id: 'member-a', role: 'committee-member' },
      { id: 'member-b', role: 'committee-member' },
      { id: 'staff-1', role: 'site-staff' },
    ]);
    expect(records.every((record) => record.key?.toString() === applicationId)).toBe(true);
    expect(payloadOf(records[0] as TopicRecord)).toMatchObject({
      applicationId,
      startupId,
      programId,
      callId,
      requestedDesks: 4,
      requestedFundingMad: 500000,
    });
    expect(payloadOf(records[2] as TopicRecord)).toMatchObject({ score: 66.5, scoreCount: 1 });
    expect(payloadOf(records[3] as TopicRecord)).toMatchObject({ score: 100, scoreCount: 2 });
    expect(payloadOf(records[4] as TopicRecord)).toEqual({
      applicationId,
      startupId,
      programId,
      callId,
      programKind: 'incubation',
      programName: 'Incubation',
      durationMonths: 18,
      includesWorkspace: true,
      workspaceNeeds: { desks: 4, office: false },
      averageScore: 83.25,
      actor: { id: 'staff-1', role: 'site-staff' },
    });
  });

  it('publishes registrations and public profile changes of startups, never founders', async () => {
    const startupId = await service.registerStartup('Dar Robotics');
    await expectStatus(
      service.as('startup', { startupId }).patch(`/v1/startups/${startupId}`, { stage: 'revenue', teamSize: 9 }),
      200,
    );
    await expectStatus(
      service
        .as('startup', { startupId })
        .patch(`/v1/startups/${startupId}`, { founders: [{ fullName: 'New Founder', email: 'new@example.ma' }] }),
      200,
    );

    const records = await eventsOf(topicFor(service.site, 'startups'), startupId, 2);
    expect(records.map(typeOf)).toEqual(['startup.registered.v1', 'startup.profile-updated.v1']);
    expect(payloadOf(records[1] as TopicRecord)).toMatchObject({
      startupId,
      stage: 'revenue',
      teamSize: 9,
      changedFields: ['stage', 'teamSize'],
    });
    expect(records.map((record) => String(record.value)).join()).not.toMatch(/founder|salma|@example/i);
  });

  it('withdraws, rejects and waitlists with their own events', async () => {
    const { callId } = await service.openCall();
    const [withdrawing, rejecting, waitlisting] = await Promise.all(
      ['One', 'Two', 'Three'].map((name) => service.registerStartup(`Startup ${name}`)),
    );
    const ids = await Promise.all(
      [withdrawing, rejecting, waitlisting].map((startupId) => service.draft(startupId as string, callId)),
    );
    const [withdrawn, rejected, waitlisted] = ids as [string, string, string];

    await expectStatus(
      service.as('startup', { startupId: withdrawing }).post(`/v1/applications/${withdrawn}/withdraw`),
      200,
    );
    for (const [startupId, id, outcome] of [
      [rejecting, rejected, 'rejected'],
      [waitlisting, waitlisted, 'waitlisted'],
    ] as const) {
      await expectStatus(service.as('startup', { startupId }).post(`/v1/applications/${id}/submit`), 200);
      await expectStatus(service.as('site-staff').post(`/v1/applications/${id}/review`), 200);
      for (const member of ['m1', 'm2'])
        await expectStatus(
          service.as('committee-member', { subject: member }).post(`/v1/applications/${id}/scores`, { marks: MARKS }),
          200,
        );
      await expectStatus(
        service
          .as('committee-member')
          .post(`/v1/applications/${id}/decision`, { outcome, reason: 'Cohort full for this profile.' }),
        200,
      );
    }

    const topic = topicFor(service.site, 'applications');
    expect((await eventsOf(topic, withdrawn, 1)).map(typeOf)).toEqual(['application.withdrawn.v1']);
    expect(payloadOf((await eventsOf(topic, withdrawn, 1))[0] as TopicRecord)).toMatchObject({
      previousStatus: 'draft',
    });
    expect((await eventsOf(topic, rejected, 5)).map(typeOf).at(-1)).toBe('application.rejected.v1');
    expect((await eventsOf(topic, waitlisted, 5)).map(typeOf).at(-1)).toBe('application.waitlisted.v1');
  });
});
