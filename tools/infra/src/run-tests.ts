import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { down, testInfrastructure } from './infrastructure';
import { repoRoot } from './paths';
import {
  cachedTaskResults,
  failedTasks,
  lingeringTasks,
  summarize,
  TEST_TARGETS,
  type ProjectResult,
} from './test-summary';

/**
 * `npm test`: brings the infrastructure up (unless KAFKA_BROKERS and MONGO_URL are given), runs
 * every project's unit specs (`test`) and real-infrastructure specs (`int-test`), stops what it
 * started, and prints each project's times and one summary line. Extra arguments go to nx
 * (`npm test -- --projects=analytics`).
 */
async function main(): Promise<number> {
  const endpoints = await testInfrastructure();
  const summaryDir = mkdtempSync(join(tmpdir(), 'technopark-tests-'));
  try {
    const { code, output } = await runNx(process.argv.slice(2), {
      KAFKA_BROKERS: endpoints.kafkaBrokers,
      MONGO_URL: endpoints.mongoUrl,
      ...(endpoints.kafkaPartnerBrokers && { KAFKA_PARTNER_BROKERS: endpoints.kafkaPartnerBrokers }),
      TEST_SUMMARY_DIR: summaryDir,
    });
    // A Jest process that outlived its tests left something open: a failure, even when nx passed it.
    const lingering = lingeringTasks(output);
    const failed = [...new Set([...failedTasks(output), ...lingering])];
    const exitCode = code === 0 && lingering.length > 0 ? 1 : code;
    console.log(
      `\n${summarize([...readResults(summaryDir), ...cachedTaskResults(output)], failed, exitCode).join('\n')}`,
    );
    return exitCode;
  } finally {
    rmSync(summaryDir, { recursive: true, force: true });
    if (endpoints.started.length) await down(undefined, endpoints.started);
  }
}

function runNx(extraArgs: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  const args = ['nx', 'run-many', '-t', ...TEST_TARGETS, '--parallel=2', '--output-style=static', ...extraArgs];
  return new Promise((resolve) => {
    const child = spawn('npx', args, {
      cwd: repoRoot,
      stdio: ['inherit', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    // Kept to find which tasks failed: nx lists them at the end (on either stream), whatever made them fail,
    // and each task's block tells whether its Jest process outlived its tests.
    // Chunks, joined once at the end: a whole run prints a few MB.
    const chunks: Buffer[] = [];
    const keep = (sink: NodeJS.WriteStream) => (chunk: Buffer) => {
      sink.write(chunk);
      chunks.push(chunk);
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.once('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

function readResults(summaryDir: string): ProjectResult[] {
  return readdirSync(summaryDir).map(
    (file) => JSON.parse(readFileSync(join(summaryDir, file), 'utf8')) as ProjectResult,
  );
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`test: ${error.message}`);
    process.exit(1);
  },
);
