/** One project's test counts, as the Jest summary reporter writes them. */
export interface ProjectResult {
  readonly project: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/** The projects nx lists under "Failed tasks" (`- analytics:test`), in its order. */
export function failedProjects(nxOutput: string): string[] {
  // eslint-disable-next-line no-control-regex -- nx may colour its output
  const plain = nxOutput.replace(/\u001b\[[0-9;]*m/g, '');
  const start = plain.lastIndexOf('Failed tasks:');
  if (start < 0) return [];
  const section = plain.slice(start);
  return [...section.matchAll(/^\s*-\s+([\w@/.-]+):test\b/gm)].map((match) => match[1] as string);
}

/**
 * The closing lines of `npm test`. A project that failed although none of its tests did (a crash
 * after the tests, an open handle, a suite that could not load) counts as one failure, by name:
 * "0 failed" is never printed for a red run.
 */
export function summarize(results: readonly ProjectResult[], failed: readonly string[], exitCode: number): string[] {
  const counted = new Map<string, ProjectResult>();
  for (const result of results) {
    const seen = counted.get(result.project);
    counted.set(result.project, seen ? { project: result.project, passed: seen.passed + result.passed, failed: seen.failed + result.failed, skipped: seen.skipped + result.skipped } : result);
  }
  const failedOutside = failed.filter((project) => (counted.get(project)?.failed ?? 0) === 0);
  if (exitCode !== 0 && failed.length === 0) failedOutside.push('(unknown project: nx exited without naming one)');
  const totals = [...counted.values()].reduce((sum, each) => ({ passed: sum.passed + each.passed, failed: sum.failed + each.failed, skipped: sum.skipped + each.skipped }), { passed: 0, failed: 0, skipped: 0 });
  const lines = [`${counted.size} test projects ran; nx exited with ${exitCode}`];
  if (failed.length > 0) lines.push(`Failed projects: ${failed.join(', ')}`);
  for (const project of failedOutside) lines.push(`  ${project}: failed outside its tests (crash, open handle or a suite that could not load); see its output above`);
  lines.push(`Tests: ${totals.passed} passed, ${totals.failed + failedOutside.length} failed, ${totals.skipped} skipped`);
  return lines;
}
