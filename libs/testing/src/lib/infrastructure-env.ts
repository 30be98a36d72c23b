import { randomBytes } from 'node:crypto';

/** Addresses of the real servers, set by the jest global setup (or by the caller). */
export function infrastructureEnv(): { KAFKA_BROKERS: string; MONGO_URL: string } {
  const { KAFKA_BROKERS, MONGO_URL } = process.env;
  if (!KAFKA_BROKERS || !MONGO_URL) {
    throw new Error(
      'KAFKA_BROKERS and MONGO_URL are not set: run through `npm test` or `nx test`, which start the infrastructure',
    );
  }
  return { KAFKA_BROKERS, MONGO_URL };
}

/** A site id no other test uses, so each test gets its own databases and topics. */
export function uniqueSiteId(prefix = 'test'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Addresses where nothing listens: port 1 refuses connections on loopback. */
export const UNREACHABLE = { KAFKA_BROKERS: '127.0.0.1:1', MONGO_URL: 'mongodb://127.0.0.1:1/' };
