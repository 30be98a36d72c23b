import { failedProjects, summarize } from './test-summary';

const analytics = { project: 'analytics', passed: 40, failed: 0, skipped: 0 };
const messaging = { project: 'messaging', passed: 20, failed: 0, skipped: 1 };
const green = [analytics, messaging];

describe('npm test summary', () => {
  it('reads the failed projects nx lists, coloured or not', () => {
    const output = 'lots of output\n\n \u001b[31m✖\u001b[39m  nx run-many -t test\n\n   Failed tasks:\n\n   - analytics:test\n   - residency:test\n\n';
    expect(failedProjects(output)).toEqual(['analytics', 'residency']);
    expect(failedProjects('Successfully ran target test for 9 projects')).toEqual([]);
    expect(failedProjects('Failed tasks:\n\n- residency:test\n\n  Run duration: 9m 43s')).toEqual(['residency']);
  });

  it('counts a project that failed after its tests passed as a failure, by name', () => {
    const lines = summarize(green, ['analytics'], 1);
    expect(lines).toContain('Tests: 60 passed, 1 failed, 1 skipped');
    expect(lines.join('\n')).toMatch(/analytics: failed outside its tests/);
  });

  it('does not count twice a project whose tests failed', () => {
    const lines = summarize([{ ...analytics, failed: 2 }, messaging], ['analytics'], 1);
    expect(lines).toContain('Tests: 60 passed, 2 failed, 1 skipped');
    expect(lines.join('\n')).not.toMatch(/outside its tests/);
  });

  it('never says 0 failed for a red run, even when nx names no project', () => {
    expect(summarize(green, [], 1)).toContain('Tests: 60 passed, 1 failed, 1 skipped');
    expect(summarize(green, [], 0)).toContain('Tests: 60 passed, 0 failed, 1 skipped');
  });
});
