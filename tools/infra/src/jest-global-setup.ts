import { up } from './infrastructure';

/**
 * Integration specs talk to a real Kafka broker and MongoDB-protocol server. `npm test`
 * starts them once and passes their addresses down; a lone `nx test x` starts them here.
 */
export default async function ensureInfrastructure(): Promise<void> {
  const endpoints = await up();
  process.env['KAFKA_BROKERS'] = endpoints.kafkaBrokers;
  process.env['MONGO_URL'] = endpoints.mongoUrl;
}
