import { assertDistinctPorts, cellFromVariables, parseEnvFile } from './cell-file';

const rabat = {
  SITE_ID: 'rabat',
  CELL_KAFKA_PORT: '9292',
  CELL_MONGO_PORT: '27217',
  CELL_APPLICATIONS_PORT: '3101',
  CELL_FUNDING_MATCHING_PORT: '3103',
  KAFKA_BROKERS: 'kafka:9092',
  MONGO_URL: 'mongodb://mongo:27017/?replicaSet=rs0',
  AUTH_PUBLIC_KEY_FILE: '/run/technopark-auth/key.pem',
  LOG_LEVEL: 'info',
};

describe('a cell file', () => {
  it('reads KEY=value lines, skipping comments and blank lines', () => {
    expect(parseEnvFile('# a comment\n\nSITE_ID=rabat\nCORS_ORIGINS=https://a.ma,https://b.ma\n')).toEqual({
      SITE_ID: 'rabat',
      CORS_ORIGINS: 'https://a.ma,https://b.ma',
    });
    expect(() => parseEnvFile('SITE_ID=rabat\nnot a variable')).toThrow("line 2 is not KEY=value: 'not a variable'");
  });

  it('gives the cell its ports, a service per CELL_<SERVICE>_PORT, and the rest to its services', () => {
    const cell = cellFromVariables('rabat', 'site', rabat, 'rabat.env');

    expect(cell).toMatchObject({ name: 'rabat', kind: 'site', siteId: 'rabat', kafkaPort: 9292, mongoPort: 27217 });
    expect(cell.servicePorts).toEqual({ applications: 3101, 'funding-matching': 3103 });
    // Container addresses and key paths hold inside compose only: locally they are the cell's own.
    expect(cell.serviceEnv).toEqual({ SITE_ID: 'rabat', LOG_LEVEL: 'info' });
  });

  it('names every problem of a bad file at once', () => {
    expect(() =>
      cellFromVariables(
        'fes',
        'site',
        { SITE_ID: 'Fes', CELL_KAFKA_PORT: 'kafka', CELL_APPLICATIONS_PORT: '80' },
        'deploy/sites/fes.env',
      ),
    ).toThrow(
      "deploy/sites/fes.env: SITE_ID is 'Fes', expected 'fes' (the file's name); CELL_KAFKA_PORT is 'kafka', expected a port between 1024 and 65534; CELL_MONGO_PORT is missing; CELL_APPLICATIONS_PORT is '80', expected a port between 1024 and 65534",
    );
    expect(() =>
      cellFromVariables(
        'hq',
        'hq',
        { SITE_ID: 'casablanca', CELL_KAFKA_PORT: '9992', CELL_MONGO_PORT: '27917' },
        'hq.env',
      ),
    ).toThrow(
      "hq.env: SITE_ID is 'casablanca', expected 'national' at HQ; no CELL_<SERVICE>_PORT: the cell would run no service",
    );
  });

  it('refuses two cells on one port, the Kafka controller (broker port + 1) included', () => {
    const casablanca = cellFromVariables(
      'casablanca',
      'site',
      {
        ...rabat,
        SITE_ID: 'casablanca',
        CELL_KAFKA_PORT: '9291',
        CELL_MONGO_PORT: '27117',
        CELL_APPLICATIONS_PORT: '3001',
        CELL_FUNDING_MATCHING_PORT: '3003',
      },
      'casablanca.env',
    );

    expect(() => assertDistinctPorts([casablanca, cellFromVariables('rabat', 'site', rabat, 'rabat.env')])).toThrow(
      'cells share ports: port 9292: casablanca kafka controller and rabat kafka',
    );
  });
});
