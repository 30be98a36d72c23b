import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { kafkaInstall, kafkaPathsOf, repoRoot } from './paths';
import { runCommand } from './run-command';
import { runningPid, spawnDetached } from './processes';

export const KAFKA_HOST = '127.0.0.1';

/**
 * One cell's single-node KRaft broker; its controller listens on the port after the broker's, and
 * partners' clients (SASL/SCRAM, each allowed only its own topic and groups) on the one after that.
 */
export interface KafkaNode {
  readonly cell: string;
  readonly port: number;
}

/**
 * Measured on this machine (see README, "Cells"): a broker under the test suite's load stays
 * near 450 MB RSS with a 512 MB heap cap; three cells and the tests fit in 24 GiB with room.
 * KAFKA_HEAP_OPTS overrides it, as in Kafka's own scripts.
 */
export const KAFKA_HEAP = (process.env['KAFKA_HEAP_OPTS'] ?? '-Xms128m -Xmx512m').split(/\s+/).filter(Boolean);

/** Fetches the broker's jars from Maven Central once; a changed pom fetches again. */
export async function installKafka(): Promise<void> {
  const pomHash = createHash('sha256').update(readFileSync(kafkaInstall.pom)).digest('hex');
  if (existsSync(kafkaInstall.libStamp) && readFileSync(kafkaInstall.libStamp, 'utf8') === pomHash) return;
  console.log('infra: fetching Apache Kafka jars from Maven Central (first run only)…');
  mkdirSync(kafkaInstall.lib, { recursive: true });
  await runCommand(
    'mvn',
    [
      '-q',
      '-B',
      '-Dstyle.color=never',
      '-f',
      kafkaInstall.pom,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${kafkaInstall.lib}`,
    ],
    repoRoot,
  );
  writeFileSync(kafkaInstall.libStamp, pomHash);
}

export async function startKafka(node: KafkaNode): Promise<number> {
  const paths = kafkaPathsOf(node.cell);
  writeConfig(node);
  await formatStorageOnce(node);
  return spawnDetached(
    'java',
    kafkaJavaArgs(KAFKA_HEAP, paths, 'kafka.Kafka', [paths.config]),
    paths.stdout,
    paths.pid,
  );
}

export function kafkaPid(node: KafkaNode): number | undefined {
  return runningPid(kafkaPathsOf(node.cell).pid);
}

/** An admin client for a readiness probe: it fails at once rather than retrying. */
export function probeAdmin(brokers: string): Admin {
  return new Kafka({
    clientId: 'technopark-infra',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 0 },
  }).admin();
}

/** Real readiness: the broker answers a metadata request and has a controller. */
export async function isKafkaReady(brokers: string): Promise<boolean> {
  const admin = probeAdmin(brokers);
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** `java` arguments for one of Kafka's main classes, from the fetched jars, logging through its own log4j file. */
export function kafkaJavaArgs(
  heap: readonly string[],
  logging: { readonly log4j: string; readonly log: string },
  mainClass: string,
  args: readonly string[],
): string[] {
  return [
    ...heap,
    `-Dlog4j.configuration=file:${logging.log4j}`,
    `-Dkafka.logs.dir=${dirname(logging.log)}`,
    '-cp',
    join(kafkaInstall.lib, '*'),
    mainClass,
    ...args,
  ];
}

function writeConfig(node: KafkaNode): void {
  const paths = kafkaPathsOf(node.cell);
  mkdirSync(paths.data, { recursive: true });
  writeFileSync(paths.config, serverProperties(node, paths.data));
  writeFileSync(paths.log4j, log4jProperties(paths.log));
}

async function formatStorageOnce(node: KafkaNode): Promise<void> {
  const paths = kafkaPathsOf(node.cell);
  if (existsSync(join(paths.data, 'meta.properties'))) return;
  const clusterId = newClusterId();
  await runCommand(
    'java',
    kafkaJavaArgs(KAFKA_HEAP, paths, 'kafka.tools.StorageTool', ['format', '-t', clusterId, '-c', paths.config]),
    repoRoot,
  );
}

/** Where partners' clients connect: SASL/SCRAM-SHA-512, authorized by ACLs alone. */
export const partnerListenerPort = (kafkaPort: number): number => kafkaPort + 2;
export const PARTNER_SASL_MECHANISM = 'SCRAM-SHA-512';

function serverProperties({ port }: KafkaNode, dataDir: string): string {
  const controllerPort = port + 1;
  const partnersPort = partnerListenerPort(port);
  return [
    '# Written by tools/infra on every start; edit tools/infra/src/kafka.ts instead.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${KAFKA_HOST}:${controllerPort}`,
    `listeners=PLAINTEXT://${KAFKA_HOST}:${port},CONTROLLER://${KAFKA_HOST}:${controllerPort},PARTNERS://${KAFKA_HOST}:${partnersPort}`,
    `advertised.listeners=PLAINTEXT://${KAFKA_HOST}:${port},PARTNERS://${KAFKA_HOST}:${partnersPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PARTNERS:SASL_PLAINTEXT',
    `listener.name.partners.sasl.enabled.mechanisms=${PARTNER_SASL_MECHANISM}`,
    `listener.name.partners.${PARTNER_SASL_MECHANISM.toLowerCase()}.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;`,
    // Partners get only what an ACL grants them. The services and the controller use the loopback
    // plaintext listeners, where every client is ANONYMOUS: locally that principal is a super user.
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users=User:ANONYMOUS',
    'allow.everyone.if.no.acl.found=false',
    `log.dirs=${dataDir}`,
    'num.partitions=3',
    // Topics are provisioned explicitly by the services, so a typo never creates one.
    'auto.create.topics.enable=false',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=10',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'num.network.threads=2',
    'num.io.threads=4',
    'log.retention.hours=168',
    '',
  ].join('\n');
}

/**
 * A cluster id as Kafka makes them (16 random bytes, URL-safe base64), but never one starting with
 * `-`: the storage tool would take it for an option and refuse to format (1 start in 64).
 */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

export function log4jProperties(logFile: string): string {
  return [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.RollingFileAppender',
    `log4j.appender.file.File=${logFile}`,
    'log4j.appender.file.MaxFileSize=20MB',
    'log4j.appender.file.MaxBackupIndex=2',
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka.request.logger=WARN',
    'log4j.logger.state.change.logger=WARN',
    '',
  ].join('\n');
}
