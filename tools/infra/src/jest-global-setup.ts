import { installFerretDb } from './ferretdb';
import { testInfrastructure } from './infrastructure';
import { ferretInstall } from './paths';
import { installSchemathesis } from './schemathesis';

/**
 * Integration specs talk to a real Kafka broker and MongoDB-protocol server. `npm test`
 * starts them once and passes their addresses down; a lone `nx test x` starts them here.
 * The FerretDB binary is built even with external servers: outage tests run a private one.
 */
export default async function ensureInfrastructure(): Promise<void> {
  const endpoints = await testInfrastructure();
  process.env['KAFKA_BROKERS'] = endpoints.kafkaBrokers;
  process.env['MONGO_URL'] = endpoints.mongoUrl;
  if (endpoints.kafkaPartnerBrokers) process.env['KAFKA_PARTNER_BROKERS'] = endpoints.kafkaPartnerBrokers;
  // Outage tests start and stop a private server of their own, never the shared one.
  await installFerretDb();
  process.env['FERRETDB_BINARY'] = ferretInstall.binary;
  // The OpenAPI fuzzer of the services' API tests.
  process.env['SCHEMATHESIS_BINARY'] = await installSchemathesis();
}
