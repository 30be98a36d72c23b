/** The two test targets of a project: unit specs (`test`) and real-infrastructure specs (`int-test`). */
export const TEST_TARGETS = ['test', 'int-test'] as const;
export type TestTarget = (typeof TEST_TARGETS)[number];

/** One Jest run's counts (a project's unit or integration specs), as the Jest summary reporter writes them. */
export interface ProjectResult {
  readonly project: string;
  readonly target: TestTarget;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly seconds: number;
  /** Answered from Nx's cache: not run this time. */
  readonly cached?: boolean;
  /** Each failed test, with the first line of its failure. */
  readonly failures?: readonly TestFailure[];
}

export interface TestFailure {
  readonly file: string;
  readonly test: string;
  readonly reason: string;
}

/** The tasks nx lists under "Failed tasks" (`- analytics:int-test`), in its order. */
export function failedTasks(nxOutput: string): string[] {
  // eslint-disable-next-line no-control-regex -- nx may colour its output
  const plain = nxOutput.replace(/\u001b\[[0-9;]*m/g, '');
  const start = plain.lastIndexOf('Failed tasks:');
  if (start < 0) return [];
  const section = plain.slice(start);
  return [...section.matchAll(/^\s*-\s+([\w@/.-]+:(?:int-test|test))\b/gm)].map((match) => match[1] as string);
}

/**
 * The tasks whose Jest process outlived its tests ("Jest did not exit one second after the test run
 * has completed"): a timer or socket a test left open, which a slower machine turns into a hang.
 * nx prints each task's output as one block, headed `> nx run <project>:<target>`.
 */
export function lingeringTasks(nxOutput: string): string[] {
  // eslint-disable-next-line no-control-regex -- nx may colour its output
  const plain = nxOutput.replace(/\u001b\[[0-9;]*m/g, '');
  const blocks = plain.split(/^> nx run /m).slice(1);
  return blocks
    .filter((block) => block.includes('Jest did not exit one second after the test run has completed'))
    .map((block) => /^([\w@/.-]+:(?:int-test|test))/.exec(block)?.[1])
    .filter((task): task is string => task !== undefined);
}

/**
 * The counts of tasks Nx answered from its cache: their Jest run did not happen, so no reporter
 * wrote them; Nx replays their output, whose `Tests:` line holds the counts.
 */
export function cachedTaskResults(nxOutput: string): ProjectResult[] {
  // eslint-disable-next-line no-control-regex -- nx may colour its output
  const plain = nxOutput.replace(/\u001b\[[0-9;]*m/g, '');
  return plain
    .split(/^> nx run /m)
    .slice(1)
    .flatMap((block) => {
      const header = /^([\w@/.-]+):(int-test|test)\b(.*)$/m.exec(block);
      if (!header || !/cache/.test(header[3] ?? '')) return [];
      const counts = /^Tests:\s+(.*)$/m.exec(block)?.[1] ?? '';
      const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(counts)?.[1] ?? 0);
      const project = header[1] as string;
      const target = header[2] as TestTarget;
      return [
        {
          project,
          target,
          passed: count('passed'),
          failed: count('failed'),
          skipped: count('skipped') + count('todo'),
          seconds: 0,
          cached: true,
        },
      ];
    });
}

const taskOf = (result: Pick<ProjectResult, 'project' | 'target'>) => `${result.project}:${result.target}`;

/**
 * The closing lines of `npm test`: the time of each project's unit and integration specs, then the
 * totals. A task that failed although none of its tests did (a crash after the tests, an open
 * handle, a suite that could not load) counts as one failure, by name: "0 failed" is never printed
 * for a red run.
 */
export function summarize(results: readonly ProjectResult[], failed: readonly string[], exitCode: number): string[] {
  const counted = new Map<string, ProjectResult>();
  for (const result of results) {
    const seen = counted.get(taskOf(result));
    counted.set(
      taskOf(result),
      seen
        ? {
            ...result,
            passed: seen.passed + result.passed,
            failed: seen.failed + result.failed,
            skipped: seen.skipped + result.skipped,
            seconds: seen.seconds + result.seconds,
            failures: [...(seen.failures ?? []), ...(result.failures ?? [])],
          }
        : result,
    );
  }
  const failedOutside = failed.filter((task) => (counted.get(task)?.failed ?? 0) === 0);
  if (exitCode !== 0 && failed.length === 0) failedOutside.push('(unknown task: nx exited without naming one)');
  const totals = [...counted.values()].reduce(
    (sum, each) => ({
      passed: sum.passed + each.passed,
      failed: sum.failed + each.failed,
      skipped: sum.skipped + each.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  const projects = [...new Set([...counted.values()].map(({ project }) => project))].sort();
  const lines = [
    'project              unit        integration',
    ...projects.map((project) => timesRow(project, counted)),
  ];
  lines.push(`${counted.size} test tasks ran (${projects.length} projects); nx exited with ${exitCode}`);
  if (failed.length > 0) lines.push(`Failed tasks: ${failed.join(', ')}`);
  for (const result of counted.values())
    for (const failure of result.failures ?? [])
      lines.push(`  ${result.project} ${failure.file} › ${failure.test}: ${failure.reason.slice(0, 300)}`);
  for (const task of failedOutside)
    lines.push(
      `  ${task}: failed outside its tests (crash, open handle or a suite that could not load); see its output above`,
    );
  lines.push(
    `Tests: ${totals.passed} passed, ${totals.failed + failedOutside.length} failed, ${totals.skipped} skipped`,
  );
  return lines;
}

function timesRow(project: string, counted: ReadonlyMap<string, ProjectResult>): string {
  const cell = (target: TestTarget) => {
    const result = counted.get(taskOf({ project, target }));
    const time = result?.cached ? 'cached' : `in ${result?.seconds.toFixed(1)} s`;
    return (result ? `${result.passed + result.failed} ${time}` : '—').padEnd(12);
  };
  return `${project.padEnd(21)}${cell('test')}${cell('int-test')}`.trimEnd();
}
