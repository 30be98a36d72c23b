import { cachedTaskResults, failedTasks, lingeringTasks, summarize } from './test-summary';

const analyticsUnits = {
  project: 'analytics',
  target: 'test',
  passed: 20,
  failed: 0,
  skipped: 0,
  seconds: 3.2,
} as const;
const analytics = {
  project: 'analytics',
  target: 'int-test',
  passed: 40,
  failed: 0,
  skipped: 0,
  seconds: 120,
} as const;
const messaging = { project: 'messaging', target: 'int-test', passed: 20, failed: 0, skipped: 1, seconds: 60 } as const;
const green = [analyticsUnits, analytics, messaging];

describe('npm test summary', () => {
  it('reads the failed tasks nx lists, coloured or not', () => {
    const output =
      'lots of output\n\n \u001b[31m✖\u001b[39m  nx run-many -t test int-test\n\n   Failed tasks:\n\n   - analytics:int-test\n   - residency:test\n\n';
    expect(failedTasks(output)).toEqual(['analytics:int-test', 'residency:test']);
    expect(failedTasks('Successfully ran targets test, int-test for 9 projects')).toEqual([]);
    expect(failedTasks('Failed tasks:\n\n- residency:int-test\n\n  Run duration: 9m 43s')).toEqual([
      'residency:int-test',
    ]);
  });

  it('counts the unit and the integration specs together, and gives the time of each', () => {
    const lines = summarize(green, [], 0);
    expect(lines).toContain('Tests: 80 passed, 0 failed, 1 skipped');
    expect(lines).toContain('analytics            20 in 3.2 s 40 in 120.0 s');
    expect(lines).toContain('messaging            —           20 in 60.0 s');
    expect(lines).toContain('3 test tasks ran (2 projects); nx exited with 0');
  });

  it('counts a task that failed after its tests passed as a failure, by name', () => {
    const lines = summarize(green, ['analytics:int-test'], 1);
    expect(lines).toContain('Tests: 80 passed, 1 failed, 1 skipped');
    expect(lines.join('\n')).toMatch(/analytics:int-test: failed outside its tests/);
  });

  it('does not count twice a task whose tests failed', () => {
    const lines = summarize([analyticsUnits, { ...analytics, failed: 2 }, messaging], ['analytics:int-test'], 1);
    expect(lines).toContain('Tests: 80 passed, 2 failed, 1 skipped');
    expect(lines.join('\n')).not.toMatch(/outside its tests/);
  });

  it('names each failed test with the first line of its failure', () => {
    const failing = {
      ...analytics,
      failed: 1,
      failures: [
        {
          file: 'test/kpis.int-spec.ts',
          test: 'kpis moves a figure',
          reason: 'thrown: "Exceeded timeout of 60000 ms"',
        },
      ],
    };
    const lines = summarize([analyticsUnits, failing, messaging], ['analytics:int-test'], 1);
    expect(lines).toContain(
      '  analytics test/kpis.int-spec.ts › kpis moves a figure: thrown: "Exceeded timeout of 60000 ms"',
    );
  });

  it('never says 0 failed for a red run, even when nx names no task', () => {
    expect(summarize(green, [], 1)).toContain('Tests: 80 passed, 1 failed, 1 skipped');
  });

  it('names the tasks whose Jest process outlived its tests', () => {
    const output = [
      '> nx run analytics:int-test',
      'Tests:       88 passed, 88 total',
      '\u001b[33mJest did not exit one second after the test run has completed.\u001b[39m',
      '> nx run residency:test',
      'Tests:       39 passed, 39 total',
    ].join('\n');
    expect(lingeringTasks(output)).toEqual(['analytics:int-test']);
    expect(lingeringTasks('> nx run residency:test\nTests: 39 passed')).toEqual([]);
  });

  it('counts the tasks Nx answered from its cache, from the output it replays', () => {
    const output = [
      '> nx run platform:test  [local cache]',
      '> jest --passWithNoTests=true',
      'Tests:       28 passed, 28 total',
      '> nx run infra:test  [existing outputs match the cache, left as is]',
      'Tests:       1 failed, 11 passed, 12 total',
      '> nx run residency:int-test',
      'Tests:       141 passed, 141 total',
    ].join('\n');
    expect(cachedTaskResults(output)).toEqual([
      { project: 'platform', target: 'test', passed: 28, failed: 0, skipped: 0, seconds: 0, cached: true },
      { project: 'infra', target: 'test', passed: 11, failed: 1, skipped: 0, seconds: 0, cached: true },
    ]);
  });
});
