import { IsOptional, Matches } from 'class-validator';
import { ConfigurationError, loadEnvironment } from './load-environment';
import { ServiceEnvironment } from './service-environment';

class ExampleEnvironment extends ServiceEnvironment {
  override PORT = 3001;

  @IsOptional()
  @Matches(/^[a-z]+$/, { message: 'lowercase letters' })
  EXTRA = 'default';
}

const auth = {
  AUTH_ISSUER: 'https://id.example.ma/realms/technopark',
  AUTH_AUDIENCE: 'technopark-platform',
  AUTH_SHARED_SECRET: 's'.repeat(32),
};
const valid = {
  ...auth,
  SITE_ID: 'essaouira',
  KAFKA_BROKERS: '127.0.0.1:9092,kafka-2.internal:9093',
  MONGO_URL: 'mongodb://127.0.0.1:27017/',
};

function problemsOf(source: NodeJS.ProcessEnv): string[] {
  try {
    loadEnvironment(ExampleEnvironment, source);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadEnvironment', () => {
  it('returns typed values and keeps declared defaults', () => {
    const environment = loadEnvironment(ExampleEnvironment, { ...valid, PORT: '4000' });
    expect(environment).toBeInstanceOf(ExampleEnvironment);
    expect(environment).toMatchObject({ ...valid, PORT: 4000, HOST: '0.0.0.0', LOG_LEVEL: 'info', EXTRA: 'default' });
  });

  it('uses the service default port when PORT is not set', () => {
    expect(loadEnvironment(ExampleEnvironment, valid).PORT).toBe(3001);
  });

  it('does not carry unrelated process variables', () => {
    const environment = loadEnvironment(ExampleEnvironment, { ...valid, HOME: '/root', npm_config_x: '1' });
    expect(Object.keys(environment)).not.toEqual(expect.arrayContaining(['HOME']));
    expect(environment).not.toHaveProperty('npm_config_x');
  });

  it('names a missing variable and what it expects', () => {
    expect(problemsOf({ ...valid, SITE_ID: undefined })).toEqual([
      "SITE_ID is missing, expected a lowercase site id of letters, digits and dashes, such as 'casablanca'",
    ]);
  });

  it("refuses 'partners' as a site: the partners' topics are named with it", () => {
    expect(problemsOf({ ...valid, SITE_ID: 'partners' })).toEqual([
      "SITE_ID is 'partners', expected 'partners' names the partners' topics (technopark.partners.<partner>), never a site",
    ]);
  });

  it('treats an empty value as missing', () => {
    expect(problemsOf({ ...valid, MONGO_URL: '' })[0]).toMatch(
      /^MONGO_URL is missing, expected a MongoDB connection string/,
    );
  });

  it('reports every invalid variable in one line, with the value it got', () => {
    const error = (() => {
      try {
        return loadEnvironment(ExampleEnvironment, {
          ...auth,
          SITE_ID: 'Casa Blanca',
          PORT: '70000',
          KAFKA_BROKERS: 'kafka',
          MONGO_URL: valid.MONGO_URL,
          LOG_LEVEL: 'loud',
        });
      } catch (thrown) {
        return thrown as ConfigurationError;
      }
    })() as ConfigurationError;
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.problems.map((problem) => problem.split(' ')[0])).toEqual([
      'SITE_ID',
      'PORT',
      'KAFKA_BROKERS',
      'LOG_LEVEL',
    ]);
    expect(error.message).toContain("PORT is '70000', expected an integer TCP port from 1 to 65535");
    expect(error.message).toContain("LOG_LEVEL is 'loud', expected one of fatal, error, warn, info, debug, trace");
    expect(error.retriable).toBe(false);
  });

  it('validates variables a service adds', () => {
    expect(problemsOf({ ...valid, EXTRA: 'UPPER' })).toEqual(["EXTRA is 'UPPER', expected lowercase letters"]);
  });

  it('needs exactly one way to check token signatures, and checks its format', () => {
    const withoutKey = { ...valid, AUTH_SHARED_SECRET: undefined };
    expect(problemsOf(withoutKey)).toEqual([
      'AUTH_JWKS_URL is missing, expected exactly one of AUTH_JWKS_URL, AUTH_PUBLIC_KEY_FILE, AUTH_SHARED_SECRET to say how token signatures are checked',
    ]);
    expect(problemsOf({ ...valid, AUTH_JWKS_URL: 'https://id.example.ma/certs' })).toEqual([
      'AUTH_SHARED_SECRET is set (value hidden), expected exactly one of AUTH_JWKS_URL, AUTH_PUBLIC_KEY_FILE, AUTH_SHARED_SECRET to say how token signatures are checked',
    ]);
    expect(problemsOf({ ...withoutKey, AUTH_JWKS_URL: 'id.example.ma/certs' })[0]).toMatch(
      /^AUTH_JWKS_URL is 'id.example.ma\/certs', expected the identity provider's JWKS URL/,
    );
    expect(
      loadEnvironment(ExampleEnvironment, { ...withoutKey, AUTH_JWKS_URL: 'https://id.example.ma/certs' })
        .AUTH_JWKS_URL,
    ).toBe('https://id.example.ma/certs');
  });

  it('never prints the value of a secret', () => {
    const [problem] = problemsOf({ ...valid, AUTH_SHARED_SECRET: 'hunter2' });
    expect(problem).toBe('AUTH_SHARED_SECRET is set (value hidden), expected an HMAC secret of at least 32 characters');
  });
});
