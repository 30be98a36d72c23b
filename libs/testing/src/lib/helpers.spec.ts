import { eventually } from './eventually';
import { infrastructureEnv, uniqueSiteId } from './infrastructure-env';
import { withoutCopies } from './kafka-topics';

describe('eventually', () => {
  it('resolves as soon as the probe holds', async () => {
    let calls = 0;
    await eventually(async () => ++calls === 3, 'third call');
    expect(calls).toBe(3);
  });

  it('fails with the description when the probe never holds', async () => {
    await expect(eventually(async () => false, 'the impossible', 300)).rejects.toThrow(
      'timed out after 300 ms waiting for: the impossible',
    );
  });
});

describe('uniqueSiteId', () => {
  it('gives valid, distinct site ids', () => {
    const ids = new Set(Array.from({ length: 100 }, () => uniqueSiteId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]{1,39}$/);
  });
});

describe('infrastructureEnv', () => {
  it('explains how to get the infrastructure when its addresses are missing', () => {
    const saved = { ...process.env };
    delete process.env['KAFKA_BROKERS'];
    try {
      expect(() => infrastructureEnv()).toThrow(/run through `npm test`/);
    } finally {
      process.env = saved;
    }
  });
});

describe('withoutCopies', () => {
  const record = (id: string, value: string) => ({
    key: null,
    value: Buffer.from(value),
    headers: { ce_id: Buffer.from(id) },
    timestamp: '0',
    attributes: 0,
    offset: '0',
  });

  it('keeps the first record of each event id, in order', () => {
    const records = [record('a', '1'), record('b', '2'), record('a', '1 again'), record('c', '3')];
    expect(withoutCopies(records).map((each) => String(each.value))).toEqual(['1', '2', '3']);
  });
});
