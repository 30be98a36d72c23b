import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaPaths, repoRoot } from './paths';
import { runCommand } from './run-command';
import { runningPid, spawnDetached } from './processes';

export const KAFKA_HOST = '127.0.0.1';
export const KAFKA_PORT = 9092;
const CONTROLLER_PORT = 9093;
const HEAP = ['-Xms256m', '-Xmx768m'];

/** Fetches the broker's jars from Maven Central once; a changed pom fetches again. */
export async function installKafka(): Promise<void> {
  const pomHash = createHash('sha256').update(readFileSync(kafkaPaths.pom)).digest('hex');
  if (existsSync(kafkaPaths.libStamp) && readFileSync(kafkaPaths.libStamp, 'utf8') === pomHash) return;
  console.log('infra: fetching Apache Kafka jars from Maven Central (first run only)…');
  mkdirSync(kafkaPaths.lib, { recursive: true });
  await runCommand(
    'mvn',
    [
      '-q',
      '-B',
      '-Dstyle.color=never',
      '-f',
      kafkaPaths.pom,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${kafkaPaths.lib}`,
    ],
    repoRoot,
  );
  writeFileSync(kafkaPaths.libStamp, pomHash);
}

export async function startKafka(): Promise<number> {
  writeConfig();
  await formatStorageOnce();
  return spawnDetached(
    'java',
    [...HEAP, ...javaLogging(), '-cp', classpath(), 'kafka.Kafka', kafkaPaths.config],
    kafkaPaths.stdout,
    kafkaPaths.pid,
  );
}

export function kafkaPid(): number | undefined {
  return runningPid(kafkaPaths.pid);
}

/** Real readiness: the broker answers a metadata request and has a controller. */
export async function isKafkaReady(brokers = `${KAFKA_HOST}:${KAFKA_PORT}`): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'technopark-infra',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 0 },
  }).admin();
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

function classpath(): string {
  return join(kafkaPaths.lib, '*');
}

function javaLogging(): string[] {
  return [`-Dlog4j.configuration=file:${kafkaPaths.log4j}`, `-Dkafka.logs.dir=${dirname(kafkaPaths.log)}`];
}

function writeConfig(): void {
  mkdirSync(kafkaPaths.data, { recursive: true });
  writeFileSync(kafkaPaths.config, serverProperties());
  writeFileSync(kafkaPaths.log4j, log4jProperties());
}

async function formatStorageOnce(): Promise<void> {
  if (existsSync(join(kafkaPaths.data, 'meta.properties'))) return;
  const clusterId = randomBytes(16).toString('base64url');
  await runCommand(
    'java',
    [
      ...HEAP,
      ...javaLogging(),
      '-cp',
      classpath(),
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      kafkaPaths.config,
    ],
    repoRoot,
  );
}

function serverProperties(): string {
  return [
    '# Written by tools/infra on every start; edit tools/infra/src/kafka.ts instead.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${KAFKA_HOST}:${CONTROLLER_PORT}`,
    `listeners=PLAINTEXT://${KAFKA_HOST}:${KAFKA_PORT},CONTROLLER://${KAFKA_HOST}:${CONTROLLER_PORT}`,
    `advertised.listeners=PLAINTEXT://${KAFKA_HOST}:${KAFKA_PORT}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${kafkaPaths.data}`,
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

function log4jProperties(): string {
  return [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.RollingFileAppender',
    `log4j.appender.file.File=${kafkaPaths.log}`,
    'log4j.appender.file.MaxFileSize=20MB',
    'log4j.appender.file.MaxBackupIndex=2',
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka.request.logger=WARN',
    'log4j.logger.state.change.logger=WARN',
    '',
  ].join('\n');
}
