import { chooseInfrastructure } from './infrastructure-choice';

const engine = (answers: boolean) => jest.fn(async () => answers);

describe('which infrastructure the tests run against', () => {
  it('uses the servers given by KAFKA_BROKERS and MONGO_URL, without asking for an engine', async () => {
    const asked = engine(true);
    await expect(chooseInfrastructure({ KAFKA_BROKERS: 'k:9092', MONGO_URL: 'mongodb://m/' }, asked)).resolves.toBe(
      'external',
    );
    expect(asked).not.toHaveBeenCalled();
  });

  it('takes the official images when a container engine answers, and the local servers when none does', async () => {
    await expect(chooseInfrastructure({}, engine(true))).resolves.toBe('containers');
    await expect(chooseInfrastructure({}, engine(false))).resolves.toBe('local');
    await expect(chooseInfrastructure({ TEST_INFRASTRUCTURE: 'auto' }, engine(false))).resolves.toBe('local');
  });

  it('obeys the switch, and says so when containers are asked for and no engine answers', async () => {
    await expect(chooseInfrastructure({ TEST_INFRASTRUCTURE: 'local' }, engine(true))).resolves.toBe('local');
    await expect(chooseInfrastructure({ TEST_INFRASTRUCTURE: 'containers' }, engine(true))).resolves.toBe('containers');
    await expect(chooseInfrastructure({ TEST_INFRASTRUCTURE: 'containers' }, engine(false))).rejects.toThrow(
      /no container engine answers/,
    );
  });

  it('refuses a value it does not know, naming the variable', async () => {
    await expect(chooseInfrastructure({ TEST_INFRASTRUCTURE: 'docker' }, engine(true))).rejects.toThrow(
      "TEST_INFRASTRUCTURE must be one of auto, containers, local; got 'docker'",
    );
  });
});
