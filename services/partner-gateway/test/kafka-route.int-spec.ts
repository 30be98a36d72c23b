import { randomUUID } from 'node:crypto';
import {
  ApplicationAccepted,
  PartnerApplicationAccepted,
  PartnerStartupProfile,
  StartupRegistered,
  topicFor,
} from '@technopark/contracts';
import {
  eventually,
  grantPartnerKafkaAccess,
  header,
  partnerBrokers,
  partnerKafka,
  type PartnerKafkaAccess,
  readTopic,
  type TopicRecord,
} from '@technopark/testing';
import { type GatewayHq, startGatewayHq } from './support/gateway-hq';
import { siteEvents } from './support/site-events';

/**
 * The Kafka route, on the real broker's SASL/SCRAM listener under its authorizer: a partner reads
 * its consented feed from its own topic with its own user, and nothing of another partner's, nor a
 * site's topics, nor with a group outside its prefix.
 */
describe("a partner feed on the partner's own Kafka topic", () => {
  let hq: GatewayHq;
  const pnp = `pnp-${randomUUID().slice(0, 8)}`;
  const other = `other-${randomUUID().slice(0, 8)}`;
  const program = `${pnp}-batch`;
  const [consenting, silent, flagged] = [randomUUID(), randomUUID(), randomUUID()];
  let pnpAccess: PartnerKafkaAccess;
  let otherAccess: PartnerKafkaAccess;
  let subscriptionId = '';
  const startedAt = new Date(Date.now() - 1_000).toISOString();

  beforeAll(async () => {
    hq = await startGatewayHq();
    [pnpAccess, otherAccess] = await Promise.all([grantPartnerKafkaAccess(pnp), grantPartnerKafkaAccess(other)]);
    for (const partnerId of [pnp, other]) await hq.registerPartner(partnerId, { programIds: [`${partnerId}-batch`] });
  }, 120_000);
  afterAll(() => hq?.close());

  const pnpReads = (groupSuffix = 'reader') =>
    readTopic(partnerKafka(pnpAccess), pnpAccess.topic, { groupId: `${pnpAccess.groupPrefix}${groupSuffix}` });
  const about = (records: TopicRecord[], startupId: string) =>
    records
      .filter((record) => record.key?.toString() === startupId)
      .map((record) => header(record, 'technopark-event-type'));
  const subscribe = async (partnerId: string, body: object) =>
    hq
      .http()
      .post(`/v1/partners/${partnerId}/subscriptions`)
      .set(await hq.partner(partnerId))
      .send(body);

  it('gives a Kafka subscription the topic, user and group prefix to read it with, and no secret', async () => {
    const [casa, rabat] = hq.sites;
    const created = await subscribe(pnp, {
      description: 'our batch, on our topic',
      filters: { eventTypes: [PartnerApplicationAccepted.type, PartnerStartupProfile.type], sites: [casa, rabat] },
      delivery: { kind: 'kafka' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      delivery: { kind: 'kafka', topic: `technopark.partners.${pnp}` },
      kafka: {
        bootstrapServers: partnerBrokers(),
        mechanism: 'SCRAM-SHA-512',
        username: pnpAccess.username,
        topic: pnpAccess.topic,
        groupPrefix: pnpAccess.groupPrefix,
      },
      signingSecrets: 0,
    });
    expect(created.body).not.toHaveProperty('secret');
    subscriptionId = created.body.subscriptionId;
    await subscribe(other, { delivery: { kind: 'kafka' } }).then((answer) => expect(answer.status).toBe(201));

    const again = await subscribe(pnp, { delivery: { kind: 'kafka' } });
    expect([again.status, again.body.code, again.body.subscriptionId]).toEqual([
      409,
      'SUBSCRIPTION.KAFKA_TOPIC_TAKEN',
      subscriptionId,
    ]);
    const withUrl = await subscribe(pnp, { delivery: { kind: 'kafka', url: 'https://hooks.example/x' } });
    expect([withUrl.status, JSON.stringify(withUrl.body)]).toEqual([400, expect.stringContaining('delivery.url')]);
    const rotated = await hq
      .http()
      .post(`/v1/partners/${pnp}/subscriptions/${subscriptionId}/rotate-secret`)
      .set(await hq.partner(pnp));
    expect([rotated.status, rotated.body.code]).toEqual([422, 'SUBSCRIPTION.NO_SIGNING_SECRET']);
  });

  it('writes exactly the consented events, keyed by startup and in order, for the partner to read with its user', async () => {
    const [casa, rabat] = hq.sites;
    await hq.publish(casa, StartupRegistered, siteEvents.registered(consenting, false));
    await hq.publish(casa, StartupRegistered, siteEvents.registered(silent, false));
    // The former flag shares the profile with every partner: both topics get it.
    await hq.publish(rabat, StartupRegistered, siteEvents.registered(flagged, true));
    const known = async (startupId: string) =>
      (await hq.http().get(`/v1/startups/${startupId}/partner-consents`).set(hq.admin)).status === 200;
    await eventually(async () => (await known(consenting)) && (await known(silent)), 'the directory', 60_000);
    await hq
      .http()
      .post(`/v1/startups/${consenting}/partner-consents/${pnp}/grant`)
      .set(await hq.startup(consenting))
      .send({ scopes: ['applications'] })
      .expect(200);
    const first = siteEvents.accepted(consenting, program, pnp);
    const second = siteEvents.accepted(consenting, program, pnp);
    await hq.publish(casa, ApplicationAccepted, first);
    await hq.publish(casa, ApplicationAccepted, second);
    await hq.publish(casa, ApplicationAccepted, siteEvents.accepted(silent, program, pnp));

    let records: TopicRecord[] = [];
    await eventually(
      async () => {
        records = await pnpReads();
        return about(records, consenting).length === 2 && about(records, flagged).length === 1;
      },
      "the partner's records",
      60_000,
    );
    expect(about(records, consenting)).toEqual([PartnerApplicationAccepted.type, PartnerApplicationAccepted.type]);
    expect(about(records, flagged)).toEqual([PartnerStartupProfile.type]);
    expect(about(records, silent)).toEqual([]);
    // Two applications are two aggregates: the site orders each on its own, so the gateway may queue
    // them either way. What it queued for one startup, the topic holds in that order.
    const bodies = records
      .filter((record) => record.key?.toString() === consenting)
      .map((record) => JSON.parse(String(record.value)) as { id: string; data: { applicationId: string } });
    expect(bodies.map((body) => body.data.applicationId).sort()).toEqual(
      [first.applicationId, second.applicationId].sort(),
    );
    expect(records.map((record) => header(record, 'technopark-delivery-id'))).toEqual(
      records.map((record) => (JSON.parse(String(record.value)) as { id: string }).id),
    );
    expect(JSON.stringify(bodies)).not.toContain('averageScore');

    const log = await hq
      .http()
      .get(`/v1/partners/${pnp}/deliveries?startupId=${consenting}`)
      .set(await hq.partner(pnp))
      .expect(200);
    expect(log.body.items.map((item: { state: string }) => item.state)).toEqual(['delivered', 'delivered']);
    const queueOrder = log.body.items.map((item: { deliveryId: string }) => item.deliveryId).reverse();
    expect(bodies.map((body) => body.id)).toEqual(queueOrder);
    expect(log.body.items[0].attempts[0]).toMatchObject({ writtenTo: pnpAccess.topic });
  }, 120_000);

  it("keeps each partner to its own topic and groups: not another partner's, not a site's", async () => {
    const pnpClient = partnerKafka(pnpAccess);
    const own = `${pnpAccess.groupPrefix}isolation`;
    await expect(readTopic(pnpClient, otherAccess.topic, { groupId: own })).rejects.toMatchObject({
      type: 'TOPIC_AUTHORIZATION_FAILED',
    });
    await expect(readTopic(pnpClient, topicFor(hq.sites[0], 'applications'), { groupId: own })).rejects.toMatchObject({
      type: 'TOPIC_AUTHORIZATION_FAILED',
    });
    // A group of the other partner's, or outside any prefix, on its own topic: the broker refuses
    // FindCoordinator (GROUP_AUTHORIZATION_FAILED), which kafkajs reports as no coordinator found.
    for (const groupId of [`${otherAccess.groupPrefix}reader`, `${pnp}-reader`])
      await expect(readTopic(pnpClient, pnpAccess.topic, { groupId })).rejects.toMatchObject({
        name: 'KafkaJSGroupCoordinatorNotFound',
      });
    expect((await readTopic(pnpClient, pnpAccess.topic, { groupId: own })).length).toBeGreaterThan(0);
    await expect(
      readTopic(partnerKafka({ ...pnpAccess, password: otherAccess.password }), pnpAccess.topic, { groupId: own }),
    ).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
    // The other partner reads its own topic: the flagged startup's profile, nothing of pnp's batch.
    const theirs = await readTopic(partnerKafka(otherAccess), otherAccess.topic, {
      groupId: `${otherAccess.groupPrefix}reader`,
    });
    expect(about(theirs, flagged)).toEqual([PartnerStartupProfile.type]);
    expect(about(theirs, consenting)).toEqual([]);
  }, 120_000);

  it('replays onto the topic with the replay header', async () => {
    const replay = await hq
      .http()
      .post(`/v1/partners/${pnp}/subscriptions/${subscriptionId}/replay`)
      .set(await hq.partner(pnp))
      .send({ from: startedAt })
      .expect(202);
    await eventually(
      async () =>
        (
          await hq
            .http()
            .get(replay.headers['location'] as string)
            .set(await hq.partner(pnp))
        ).body.queued === 3,
      'the replay queued',
      30_000,
    );
    let replayed: TopicRecord[] = [];
    await eventually(
      async () => {
        replayed = (await pnpReads('replay-check')).filter((record) => header(record, 'technopark-replay') === 'true');
        return replayed.length === 3;
      },
      'the replayed records',
      60_000,
    );
    expect(about(replayed, consenting)).toEqual([PartnerApplicationAccepted.type, PartnerApplicationAccepted.type]);
  }, 120_000);
});
