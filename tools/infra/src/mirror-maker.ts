import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { kafkaJavaArgs, log4jProperties, probeAdmin } from './kafka';
import { replicationPathsOf } from './paths';
import { runningPid, spawnDetached } from './processes';

/** One site's replication to HQ: a MirrorMaker 2 process of its own, so a new site starts one more and touches nothing at HQ. */
export interface ReplicationLink {
  readonly site: string;
  readonly siteBrokers: string;
  readonly hqBrokers: string;
}

export const HQ_ALIAS = 'hq';

/** MirrorMaker 2 under the tests' load stays near 300 MB RSS with a 256 MB heap cap (README, "Cells"). */
const MIRROR_MAKER_HEAP = (process.env['MIRROR_MAKER_HEAP_OPTS'] ?? '-Xms64m -Xmx256m').split(/\s+/).filter(Boolean);

/**
 * The link's `mm2.properties` (Java properties: a regex's backslash is written twice).
 * - Identity policy: a topic keeps its name at HQ, which already carries the site
 *   (`technopark.<site>.<stream>`), so national consumers read every site by one pattern.
 * - Every public stream of the site is copied, new ones included (found every few seconds);
 *   its dead-letter topics and Kafka's or MirrorMaker's internal topics stay at the site.
 * - Checkpoints and offset translation stay on: a site's consumer group can resume at HQ.
 */
export function mirrorMakerProperties({ site, siteBrokers, hqBrokers }: ReplicationLink): string {
  const flow = `${site}->${HQ_ALIAS}`;
  return [
    '# Written by tools/infra on every start; edit tools/infra/src/mirror-maker.ts instead.',
    `clusters = ${site}, ${HQ_ALIAS}`,
    `${site}.bootstrap.servers = ${siteBrokers}`,
    `${HQ_ALIAS}.bootstrap.servers = ${hqBrokers}`,
    `${flow}.enabled = true`,
    `${HQ_ALIAS}->${site}.enabled = false`,
    `${flow}.topics = technopark\\\\.[a-z][a-z0-9-]*\\\\..+`,
    `${flow}.topics.exclude = technopark\\\\.[^.]+\\\\.dlq\\\\..*, .*[\\\\-\\\\.]internal, .*\\\\.replica, __.*`,
    'replication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy',
    'sync.topic.configs.enabled = true',
    'sync.topic.acls.enabled = false',
    'emit.checkpoints.enabled = true',
    'emit.checkpoints.interval.seconds = 5',
    'sync.group.offsets.enabled = true',
    'sync.group.offsets.interval.seconds = 10',
    'emit.heartbeats.enabled = true',
    'emit.heartbeats.interval.seconds = 1',
    'refresh.topics.interval.seconds = 5',
    'refresh.groups.interval.seconds = 10',
    'tasks.max = 1',
    // The Connect worker of a flow reads the target cluster's settings (`hq.`…): top-level worker
    // settings are ignored in dedicated mode but for a few prefixes (task…, offset.storage…).
    // Source offsets are stored this often: a kill -9 copies at most this much again (duplicates, never gaps).
    `${HQ_ALIAS}.offset.flush.interval.ms = 2000`,
    // HQ's broker away drops the worker from its group, which lives at HQ; back, it rejoins as a new
    // member, and Connect holds a lost member's tasks for 5 minutes by default before handing them
    // out again. One worker per link: hand them out at once. A task still blocked on HQ is given
    // the time to stop before it starts again.
    `${HQ_ALIAS}.scheduled.rebalance.max.delay.ms = 0`,
    'task.shutdown.graceful.timeout.ms = 30000',
    // Single-broker cells: every topic MirrorMaker creates has one replica (three in production).
    'replication.factor = 1',
    'checkpoints.topic.replication.factor = 1',
    'heartbeats.topic.replication.factor = 1',
    'offset-syncs.topic.replication.factor = 1',
    'offset.storage.replication.factor = 1',
    'status.storage.replication.factor = 1',
    'config.storage.replication.factor = 1',
    `${HQ_ALIAS}.producer.linger.ms = 5`,
    `${HQ_ALIAS}.producer.enable.idempotence = true`,
    '',
  ].join('\n');
}

export function startMirrorMaker(link: ReplicationLink): number {
  const paths = replicationPathsOf(link.site);
  mkdirSync(paths.home, { recursive: true });
  writeFileSync(paths.config, mirrorMakerProperties(link));
  writeFileSync(paths.log4j, log4jProperties(paths.log));
  // This process drives only the flows into HQ.
  const args = [paths.config, '--clusters', HQ_ALIAS];
  return spawnDetached(
    'java',
    kafkaJavaArgs(MIRROR_MAKER_HEAP, paths, 'org.apache.kafka.connect.mirror.MirrorMaker', args),
    paths.stdout,
    paths.pid,
  );
}

export function mirrorMakerPid(site: string): number | undefined {
  return runningPid(replicationPathsOf(site).pid);
}

/**
 * Real readiness: this link's process runs, and its Connect worker has written its connectors'
 * and tasks' states to its own status topic at HQ (`mm2-status.<site>.internal`) since the process
 * started. Heartbeats cannot tell: every site's land in one `heartbeats` topic.
 */
export async function isReplicating(link: ReplicationLink): Promise<boolean> {
  const pidFile = replicationPathsOf(link.site).pid;
  if (mirrorMakerPid(link.site) === undefined || !existsSync(pidFile)) return false;
  const startedAt = statSync(pidFile).mtimeMs;
  const statusTopic = `mm2-status.${link.site}.internal`;
  const admin = probeAdmin(link.hqBrokers);
  try {
    await admin.connect();
    if (!(await admin.listTopics()).includes(statusTopic)) return false;
    const sinceStart = await admin.fetchTopicOffsetsByTimestamp(statusTopic, Math.floor(startedAt));
    const ends = await admin.fetchTopicOffsets(statusTopic);
    return sinceStart.some(({ partition, offset }) => {
      const end = ends.find((candidate) => candidate.partition === partition)?.high ?? '0';
      return BigInt(offset) >= 0n && BigInt(offset) < BigInt(end);
    });
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
