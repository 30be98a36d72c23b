import { join } from 'node:path';
import { TestTokens } from '@technopark/security/testing';
import { eventually, freePort, infrastructureEnv, runTypeScriptProcess, uniqueSiteId } from '@technopark/testing';

const fixture = join(__dirname, 'fixtures/fixture-service.main.ts');
const tokens = new TestTokens();
const runService = (env: Record<string, string>) => runTypeScriptProcess(fixture, { ...tokens.environment, ...env });

describe('a service process', () => {
  it('stops with one line naming each bad variable, exit code 1', async () => {
    const service = runService({ SITE_ID: 'Casa Blanca', PORT: 'http', MONGO_URL: 'localhost' });

    expect(await service.exit).toBe(1);
    const lines = service.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^fixture: Invalid configuration: SITE_ID is 'Casa Blanca', expected .*; PORT is 'http', expected .*; KAFKA_BROKERS is missing, expected .*; MONGO_URL is 'localhost', expected /,
    );
  });

  it('shuts down cleanly on SIGTERM: logs it, closes HTTP, exits 0', async () => {
    const port = await freePort();
    const service = runService({
      SITE_ID: uniqueSiteId(),
      PORT: String(port),
      HOST: '127.0.0.1',
      ...infrastructureEnv(),
    });
    try {
      await eventually(
        async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status === 200,
        'fixture ready',
        30_000,
      );

      service.child.kill('SIGTERM');

      expect(await service.exit).toBe(0);
      const messages = service
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line).msg);
      expect(messages).toEqual(expect.arrayContaining(['shutting down', 'stopped cleanly']));
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      service.child.kill('SIGKILL');
    }
  });
});
