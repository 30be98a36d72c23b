import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { down, up } from './infrastructure';
import { repoRoot } from './paths';

/**
 * `npm test`: brings the infrastructure up (unless KAFKA_BROKERS and MONGO_URL are given),
 * runs every project's tests, stops what it started, and prints one summary line.
 */
async function main(): Promise<number> {
  const endpoints = await up();
  const summaryDir = mkdtempSync(join(tmpdir(), 'technopark-tests-'));
  try {
    const code = await runNx(process.argv.slice(2), {
      KAFKA_BROKERS: endpoints.kafkaBrokers,
      MONGO_URL: endpoints.mongoUrl,
      TEST_SUMMARY_DIR: summaryDir,
    });
    printSummary(summaryDir, code);
    return code;
  } finally {
    rmSync(summaryDir, { recursive: true, force: true });
    if (endpoints.started.length) await down(endpoints.started);
  }
}

function runNx(extraArgs: string[], env: Record<string, string>): Promise<number> {
  const args = ['nx', 'run-many', '-t', 'test', '--parallel=2', '--output-style=static', ...extraArgs];
  return new Promise((resolve) => {
    const child = spawn('npx', args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

function printSummary(summaryDir: string, code: number): void {
  const totals = { passed: 0, failed: 0, skipped: 0, projects: 0 };
  for (const file of readdirSync(summaryDir)) {
    const result = JSON.parse(readFileSync(join(summaryDir, file), 'utf8')) as typeof totals;
    totals.passed += result.passed;
    totals.failed += result.failed;
    totals.skipped += result.skipped;
    totals.projects += 1;
  }
  console.log(`\n${totals.projects} test projects ran; nx exited with ${code}`);
  console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`test: ${error.message}`);
    process.exit(1);
  },
);
