import { Kafka } from 'kafkajs';
import { testKafkaLogs } from './kafka-topics';
import { runTypeScriptProcess } from './typescript-process';

/** What `npm run infra -- partner-access` prints: a partner's Kafka user, shown once. */
export interface PartnerKafkaAccess {
  readonly partnerId: string;
  readonly bootstrapServers: string;
  readonly mechanism: 'SCRAM-SHA-512';
  readonly username: string;
  readonly password: string;
  readonly topic: string;
  readonly groupPrefix: string;
}

/** The broker's SASL/SCRAM listener for partners, as `npm test` starts it. */
export function partnerBrokers(): string {
  const brokers = process.env['KAFKA_PARTNER_BROKERS'];
  if (!brokers)
    throw new Error(
      "KAFKA_PARTNER_BROKERS is not set: the broker's SASL/SCRAM listener for partners (npm test sets it; with your own KAFKA_BROKERS, give it too)",
    );
  return brokers;
}

/** Gives a partner its Kafka user the way an operator does: through the infra command, on the test broker. */
export async function grantPartnerKafkaAccess(partnerId: string): Promise<PartnerKafkaAccess> {
  const command = runTypeScriptProcess('tools/infra/src/cli.ts', {}, [
    'partner-access',
    partnerId,
    '--json',
    '--brokers',
    process.env['KAFKA_BROKERS'] ?? '',
    '--partner-brokers',
    partnerBrokers(),
  ]);
  const code = await command.exit;
  if (code !== 0) throw new Error(`partner-access ${partnerId} exited with ${code}: ${command.output()}`);
  const printed = command.output().trim().split('\n').at(-1) ?? '';
  return JSON.parse(printed) as PartnerKafkaAccess;
}

/** A partner's own client: SCRAM over the partners' listener, nothing else. */
export function partnerKafka(access: Pick<PartnerKafkaAccess, 'bootstrapServers' | 'username' | 'password'>): Kafka {
  return new Kafka({
    clientId: `partner-${access.username}`,
    brokers: access.bootstrapServers.split(','),
    sasl: { mechanism: 'scram-sha-512', username: access.username, password: access.password },
    retry: { retries: 2 },
    ...testKafkaLogs,
  });
}
