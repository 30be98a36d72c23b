import { ServiceSupervisor } from './service-supervisor';

/** A process that prints a line and then serves forever, as a service does. */
const serving = (name: string) => ({
  name,
  command: process.execPath,
  args: ['-e', `console.log('${name} up'); setInterval(() => {}, 1000)`],
  env: process.env,
});

async function until(condition: () => boolean, description: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the npm start supervisor', () => {
  const reports: string[] = [];
  const lines: string[] = [];
  const supervisor = new ServiceSupervisor({
    onLine: (service, line) => lines.push(`${service}: ${line}`),
    report: (message) => reports.push(message),
    firstRestartDelayMs: 100,
    maxRestartDelayMs: 400,
  });

  afterAll(() => supervisor.stopAll());

  it('restarts a service killed with kill -9, says why it stopped, and leaves the others running', async () => {
    supervisor.start(serving('residency'));
    supervisor.start(serving('analytics'));
    await until(
      () => lines.includes('residency: residency up') && lines.includes('analytics: analytics up'),
      'both services up',
    );
    const killed = supervisor.pid('residency') as number;
    const sibling = supervisor.pid('analytics') as number;

    process.kill(killed, 'SIGKILL');
    await until(
      () =>
        supervisor.restarts()['residency'] === 1 &&
        lines.filter((line) => line === 'residency: residency up').length === 2,
      'the restart',
    );

    expect(supervisor.pid('residency')).not.toBe(killed);
    expect(supervisor.pid('analytics')).toBe(sibling);
    expect(() => process.kill(sibling, 0)).not.toThrow();
    expect(reports).toEqual([
      expect.stringMatching(
        /^residency was killed by SIGKILL after \d+ s; its last output: residency up; restarting in 0.1 s \(restart 1\)$/,
      ),
    ]);
    expect(supervisor.restarts()).toEqual({ residency: 1, analytics: 0 });
  });

  it('waits longer after each quick crash, up to the cap', async () => {
    supervisor.start({ name: 'events', command: process.execPath, args: ['-e', 'process.exit(3)'], env: process.env });
    await until(() => reports.filter((report) => report.startsWith('events')).length >= 4, 'four crashes');
    const delays = reports
      .filter((report) => report.startsWith('events'))
      .slice(0, 4)
      .map((report) => /restarting in ([\d.]+) s/.exec(report)?.[1]);
    expect(delays).toEqual(['0.1', '0.2', '0.4', '0.4']);
    expect(reports.find((report) => report.startsWith('events'))).toMatch(/exited with code 3/);
  });
});
