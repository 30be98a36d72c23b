import { settlesWithin, ShutdownSignal } from './shutdown-signal';

describe('ShutdownSignal', () => {
  it('cuts a running wait short when stopped', async () => {
    const signal = new ShutdownSignal();
    let woke = false;
    const waiting = signal.wait(60_000).then(() => (woke = true));
    await signal.stop();
    await waiting;
    expect(woke).toBe(true);
    expect(signal.stopped).toBe(true);
  });

  it('does not wait at all once stopped', async () => {
    const signal = new ShutdownSignal();
    await signal.stop();
    const nextTurn = new Promise((resolve) => setImmediate(() => resolve('still waiting')));
    await expect(Promise.race([signal.wait(60_000).then(() => 'woke'), nextTurn])).resolves.toBe('woke');
  });

  it('waits for the attempt in flight, failed or not, before stop resolves', async () => {
    const signal = new ShutdownSignal();
    let finish!: () => void;
    const attempt = signal.track(new Promise<void>((resolve, reject) => (finish = () => reject(new Error('refused')))));
    attempt.catch(() => undefined);
    let stopped = false;
    const stopping = signal.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });

  it('tells whether work settled within a grace period', async () => {
    await expect(settlesWithin(new Promise<void>(() => undefined), 10)).resolves.toBe(false);
    await expect(settlesWithin(Promise.reject(new Error('refused')), 10_000)).resolves.toBe(true);
  });
});
