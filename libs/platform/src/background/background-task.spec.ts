import { BackgroundTask } from './background-task';

/** Fails its first `failures` runs, then succeeds; records every run. */
class ScriptedTask extends BackgroundTask {
  runs = 0;
  finishedRuns = 0;

  constructor(
    mode: 'once' | 'repeat',
    private failures: number,
    private readonly runMs = 0,
  ) {
    super({ name: 'scripted', intervalMs: 5, mode });
  }

  protected async run(): Promise<void> {
    this.runs++;
    await new Promise((resolve) => setTimeout(resolve, this.runMs));
    if (this.failures-- > 0) throw new Error('database away');
    this.finishedRuns++;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('BackgroundTask', () => {
  it('retries a once task until it succeeds, then stops', async () => {
    const task = new ScriptedTask('once', 2);
    task.onApplicationBootstrap();
    await pause(100);
    await task.onApplicationShutdown();
    expect(task.runs).toBe(3);
    expect(task.finishedRuns).toBe(1);
  });

  it('keeps running a repeat task, through failures, until shutdown', async () => {
    const task = new ScriptedTask('repeat', 1);
    task.onApplicationBootstrap();
    await pause(100);
    await task.onApplicationShutdown();
    const runsAtShutdown = task.runs;
    expect(task.finishedRuns).toBeGreaterThanOrEqual(3);
    await pause(50);
    expect(task.runs).toBe(runsAtShutdown);
  });

  it('waits at shutdown for the run in progress', async () => {
    const task = new ScriptedTask('repeat', 0, 60);
    task.onApplicationBootstrap();
    await pause(20);
    await task.onApplicationShutdown();
    expect(task.finishedRuns).toBe(task.runs);
    expect(task.runs).toBe(1);
  });
});
