import { createServer } from 'node:net';
import { MongoDBContainer, type StartedMongoDBContainer } from '@testcontainers/mongodb';
import { GenericContainer, getContainerRuntimeClient, type StartedTestContainer, Wait } from 'testcontainers';

/** The official images, at the versions the local servers run (tools/kafka/pom.xml) or newer for MongoDB. */
export const KAFKA_IMAGE = 'apache/kafka:3.9.1';
export const MONGO_IMAGE = 'mongo:8.0';

/** Whether a Docker-compatible engine answers (Docker, or Podman's socket through DOCKER_HOST). */
export async function containerEngineAnswers(): Promise<boolean> {
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

let running: { kafka: StartedTestContainer; mongo: StartedMongoDBContainer } | undefined;

/**
 * Kafka in KRaft mode and a MongoDB replica set, from their official images. Kafka advertises the
 * port the host sees, so it is fixed before the container starts. Testcontainers' reaper removes
 * both if this process dies before {@link stopContainers}.
 */
export async function startContainers(): Promise<{
  kafkaBrokers: string;
  kafkaPartnerBrokers: string;
  mongoUrl: string;
}> {
  const port = await freeHostPort();
  const partnersPort = await freeHostPort();
  const [kafka, mongo] = await Promise.all([
    new GenericContainer(KAFKA_IMAGE)
      .withExposedPorts({ container: 9092, host: port }, { container: 9094, host: partnersPort })
      .withEnvironment({
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093,PARTNERS://:9094',
        KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://localhost:${port},PARTNERS://localhost:${partnersPort}`,
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PARTNERS:SASL_PLAINTEXT',
        // As the local broker (tools/infra/src/kafka.ts); the image turns `___` into `-` and `_` into `.`.
        KAFKA_LISTENER_NAME_PARTNERS_SASL_ENABLED_MECHANISMS: 'SCRAM-SHA-512',
        KAFKA_LISTENER_NAME_PARTNERS_SCRAM___SHA___512_SASL_JAAS_CONFIG:
          'org.apache.kafka.common.security.scram.ScramLoginModule required;',
        KAFKA_AUTHORIZER_CLASS_NAME: 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
        KAFKA_SUPER_USERS: 'User:ANONYMOUS',
        KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND: 'false',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
        // As the local broker: topics are provisioned by the services, never created by a typo.
        KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
        KAFKA_NUM_PARTITIONS: '3',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      })
      .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
      .start(),
    new MongoDBContainer(MONGO_IMAGE).start(),
  ]);
  running = { kafka, mongo };
  return {
    kafkaBrokers: `localhost:${port}`,
    kafkaPartnerBrokers: `localhost:${partnersPort}`,
    mongoUrl: `${mongo.getConnectionString()}/?directConnection=true`,
  };
}

export async function stopContainers(): Promise<void> {
  const started = running;
  running = undefined;
  await Promise.all([started?.kafka.stop(), started?.mongo.stop()]);
}

function freeHostPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
  });
}
