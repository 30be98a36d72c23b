import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { partnerGroupPrefixFor, partnerKafkaUsername, partnerTopicFor } from '@technopark/contracts';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  logLevel,
  ResourcePatternTypes,
} from 'kafkajs';
import { installKafka, kafkaJavaArgs, log4jProperties, PARTNER_SASL_MECHANISM } from './kafka';
import { infraHome } from './paths';

/** What a partner's Kafka client needs; the password is shown once and kept nowhere. */
export interface PartnerKafkaAccess {
  readonly partnerId: string;
  readonly bootstrapServers: string;
  readonly mechanism: typeof PARTNER_SASL_MECHANISM;
  readonly username: string;
  readonly password: string;
  readonly topic: string;
  readonly groupPrefix: string;
}

/** Above Kafka's minimum of 4096, as its documentation advises for SCRAM-SHA-512. */
const SCRAM_ITERATIONS = 8192;

/**
 * Gives a partner its own SCRAM user on a broker (a new password each time: rotation), allowed to
 * read its topic and to use the groups under its prefix, and nothing else. `brokers` is the
 * services' listener, where this tool is a super user; `partnerBrokers` is where partners connect.
 * The same as a Strimzi KafkaUser with `scram-sha-512` and simple ACLs does in Kubernetes.
 */
export async function grantPartnerKafkaAccess(options: {
  partnerId: string;
  brokers: string;
  partnerBrokers: string;
}): Promise<PartnerKafkaAccess> {
  const { partnerId, brokers, partnerBrokers } = options;
  const access: PartnerKafkaAccess = {
    partnerId,
    bootstrapServers: partnerBrokers,
    mechanism: PARTNER_SASL_MECHANISM,
    username: partnerKafkaUsername(partnerId),
    password: randomBytes(24).toString('base64url'),
    topic: partnerTopicFor(partnerId),
    groupPrefix: partnerGroupPrefixFor(partnerId),
  };
  await upsertScramCredential(brokers, access);
  await allowOwnTopicAndGroups(brokers, access);
  return access;
}

/** Kafka's own `kafka-configs` (AlterUserScramCredentials): kafkajs cannot send that request. */
async function upsertScramCredential(brokers: string, access: PartnerKafkaAccess): Promise<void> {
  await installKafka();
  const home = join(infraHome, 'tools');
  mkdirSync(home, { recursive: true });
  const logging = { log4j: join(home, 'log4j.properties'), log: join(home, 'tools.log') };
  writeFileSync(logging.log4j, log4jProperties(logging.log));
  await promisify(execFile)(
    'java',
    kafkaJavaArgs(['-Xmx256m'], logging, 'kafka.admin.ConfigCommand', [
      '--bootstrap-server',
      brokers,
      '--alter',
      '--entity-type',
      'users',
      '--entity-name',
      access.username,
      '--add-config',
      `${access.mechanism}=[iterations=${SCRAM_ITERATIONS},password=${access.password}]`,
    ]),
    { timeout: 120_000 },
  ).catch((error: Error & { stderr?: string; stdout?: string }) => {
    throw new Error(
      `kafka-configs could not set ${access.username}'s SCRAM credential: ${error.stderr || error.stdout || error.message}`,
    );
  });
}

async function allowOwnTopicAndGroups(brokers: string, access: PartnerKafkaAccess): Promise<void> {
  const admin = new Kafka({
    clientId: 'technopark-infra',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  const principal = `User:${access.username}`;
  const allow = (
    resourceType: AclResourceTypes,
    resourceName: string,
    resourcePatternType: ResourcePatternTypes,
    operation: AclOperationTypes,
  ) => ({
    resourceType,
    resourceName,
    resourcePatternType,
    principal,
    host: '*',
    operation,
    permissionType: AclPermissionTypes.ALLOW,
  });
  await admin.connect();
  try {
    await admin.createAcls({
      acl: [
        allow(AclResourceTypes.TOPIC, access.topic, ResourcePatternTypes.LITERAL, AclOperationTypes.READ),
        allow(AclResourceTypes.TOPIC, access.topic, ResourcePatternTypes.LITERAL, AclOperationTypes.DESCRIBE),
        allow(AclResourceTypes.GROUP, access.groupPrefix, ResourcePatternTypes.PREFIXED, AclOperationTypes.READ),
        allow(AclResourceTypes.GROUP, access.groupPrefix, ResourcePatternTypes.PREFIXED, AclOperationTypes.DESCRIBE),
      ],
    });
  } finally {
    await admin.disconnect();
  }
}
