import { loadEnvironment } from '@technopark/platform';
import { EventsEnvironment } from './events.environment';

const base = { SITE_ID: 'casablanca', KAFKA_BROKERS: '127.0.0.1:9092', MONGO_URL: 'mongodb://127.0.0.1:27017/' };
const auth = {
  AUTH_ISSUER: 'https://id.example.ma',
  AUTH_AUDIENCE: 'technopark-platform',
  AUTH_SHARED_SECRET: 'x'.repeat(40),
};

describe('the events service configuration', () => {
  it('stops with the variable named when no check-in secret is given', () => {
    expect(() => loadEnvironment(EventsEnvironment, { ...base, ...auth })).toThrow(/CHECK_IN_SECRET is missing/);
  });

  it('refuses a short secret without printing it', () => {
    expect(() => loadEnvironment(EventsEnvironment, { ...base, ...auth, CHECK_IN_SECRET: 'short-one' })).toThrow(
      /CHECK_IN_SECRET is set \(value hidden\)/,
    );
  });

  it('takes the secret as a value or as a file', () => {
    expect(
      loadEnvironment(EventsEnvironment, { ...base, ...auth, CHECK_IN_SECRET: 's'.repeat(32) }).CHECK_IN_SECRET,
    ).toHaveLength(32);
    expect(
      loadEnvironment(EventsEnvironment, { ...base, ...auth, CHECK_IN_SECRET_FILE: '/run/secrets/check-in' })
        .CHECK_IN_SECRET_FILE,
    ).toBe('/run/secrets/check-in');
  });
});
