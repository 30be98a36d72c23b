import { mirrorMakerProperties } from './mirror-maker';

const properties = mirrorMakerProperties({ site: 'rabat', siteBrokers: '127.0.0.1:9292', hqBrokers: '127.0.0.1:9992' });
const lines = properties.split('\n');
const valueOf = (key: string): string =>
  lines.find((line) => line.startsWith(`${key} = `))?.slice(key.length + 3) ?? '';
const unescaped = (value: string) => value.replace(/\\\\/g, '\\');

describe("a site's MirrorMaker 2 configuration", () => {
  it('runs one flow, the site to HQ, with the identity policy', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        'clusters = rabat, hq',
        'rabat.bootstrap.servers = 127.0.0.1:9292',
        'hq.bootstrap.servers = 127.0.0.1:9992',
        'rabat->hq.enabled = true',
        'hq->rabat.enabled = false',
        'replication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy',
      ]),
    );
  });

  it("copies the site's streams and leaves its dead letters and internal topics (a regex per Java properties: backslashes doubled)", () => {
    const topics = new RegExp(unescaped(valueOf('rabat->hq.topics')));
    const excluded = unescaped(valueOf('rabat->hq.topics.exclude'))
      .split(', ')
      .map((pattern) => new RegExp(`^${pattern}$`));
    const copied = (topic: string) => topics.test(topic) && !excluded.some((pattern) => pattern.test(topic));

    expect(
      ['technopark.rabat.applications', 'technopark.rabat.kpis', 'technopark.rabat.funding-matches'].every(copied),
    ).toBe(true);
    expect(
      ['technopark.rabat.dlq.analytics-rabat', 'mm2-offsets.rabat.internal', '__consumer_offsets'].some(copied),
    ).toBe(false);
  });

  // Dedicated mode ignores top-level worker settings but for a few prefixes (seen in its log: the flush stayed at 60 s).
  it("gives the worker's own settings the target cluster's prefix", () => {
    expect(lines).toEqual(
      expect.arrayContaining(['hq.offset.flush.interval.ms = 2000', 'hq.scheduled.rebalance.max.delay.ms = 0']),
    );
  });
});
