import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FuzzRun {
  /** The OpenAPI document's URL; the API is called at its origin. */
  readonly schemaUrl: string;
  readonly bearerToken: string;
  /** Examples generated per operation: the run's size. */
  readonly maxExamples: number;
  /** Paths left out, as a regular expression (Server-Sent Events never end, so they cannot be fuzzed). */
  readonly excludePathRegex?: string;
  readonly seed?: number;
  /** Values for path parameters (`programId`…): ids of resources created beforehand, so operations on existing resources are fuzzed too. */
  readonly pathParameters?: Readonly<Record<string, string>>;
}

export interface FuzzFigures {
  readonly operations: number;
  readonly requests: number;
  readonly serverErrors: number;
  readonly schemaFailures: number;
  /** Answers by status code: shows how many requests reached existing resources (2xx). */
  readonly statuses: Readonly<Record<string, number>>;
  /** One line per distinct failure: the check, the operation and what was wrong. */
  readonly failures: readonly string[];
  readonly exitCode: number;
  readonly output: string;
}

/**
 * Runs schemathesis (installed by the Jest set-up, `SCHEMATHESIS_BINARY`) against a running
 * service: examples, boundary values and random inputs for every operation, checked for 5xx
 * answers and for answers that break their own documented schema.
 */
export async function fuzzOpenApi(run: FuzzRun): Promise<FuzzFigures> {
  const binary = process.env['SCHEMATHESIS_BINARY'];
  if (!binary)
    throw new Error(
      'SCHEMATHESIS_BINARY is not set: run through npm test or nx test, whose Jest set-up installs schemathesis',
    );
  const reports = mkdtempSync(join(tmpdir(), 'fuzz-'));
  const config = join(reports, 'schemathesis.toml');
  writeFileSync(config, configFile(run.pathParameters ?? {}));
  const args = [
    '--config-file',
    config,
    'run',
    run.schemaUrl,
    '--checks',
    'not_a_server_error,response_schema_conformance',
    '--max-examples',
    String(run.maxExamples),
    '--seed',
    String(run.seed ?? 20261201),
    '--workers',
    '1',
    '--phases',
    'examples,coverage,fuzzing',
    '--no-color',
    '--suppress-health-check',
    'all',
    '--generation-database',
    'none',
    '--request-timeout',
    '10',
    '--continue-on-failure',
    '-H',
    `Authorization: Bearer ${run.bearerToken}`,
    '--report',
    'ndjson',
    '--report-ndjson-path',
    join(reports, 'events.ndjson'),
    ...(run.excludePathRegex ? ['--exclude-path-regex', run.excludePathRegex] : []),
  ];
  try {
    // Run where the reports go: schemathesis keeps a cache in its working directory, which must not land in the checkout.
    const { code, output } = await runProcess(binary, args, reports);
    return { ...figuresFrom(readFileSync(join(reports, 'events.ndjson'), 'utf8'), output), exitCode: code, output };
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}

function configFile(pathParameters: Readonly<Record<string, string>>): string {
  const lines = Object.entries(pathParameters).map(([name, value]) => `"path.${name}" = ${JSON.stringify(value)}`);
  return lines.length > 0 ? `[parameters]\n${lines.join('\n')}\n` : '';
}

function runProcess(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

type Event = Record<string, Record<string, unknown>>;

/** Counts from the ndjson event stream; failures are kept distinct by check and operation. */
export function figuresFrom(ndjson: string, output: string): Omit<FuzzFigures, 'exitCode' | 'output'> {
  const events = ndjson
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Event);
  const operations = new Set<string>();
  let requests = 0;
  const failures = new Set<string>();
  let serverErrors = 0;
  let schemaFailures = 0;
  const statuses: Record<string, number> = {};
  for (const event of events) {
    const finished = event['ScenarioFinished'];
    if (!finished) continue;
    const recorder = finished['recorder'] as
      | {
          label?: string;
          interactions?: Record<string, unknown>;
          checks?: Record<string, ({ name: string; status: string } & Record<string, unknown>)[]>;
        }
      | undefined;
    const label = recorder?.label ?? '';
    if (label) operations.add(label);
    for (const interaction of Object.values(recorder?.interactions ?? {}) as {
      response?: { status_code?: number };
    }[]) {
      requests += 1;
      const status = String(interaction.response?.status_code ?? 'none');
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
    for (const checks of Object.values(recorder?.checks ?? {})) {
      for (const check of checks.filter((each) => each.status.toLowerCase() === 'failure')) {
        if (check.name === 'not_a_server_error') serverErrors += 1;
        if (check.name === 'response_schema_conformance') schemaFailures += 1;
        const failure = (check['failure_info'] as { failure?: { title?: string; message?: string } } | undefined)
          ?.failure;
        failures.add(
          `${check.name} ${label}: ${failure?.title ?? 'failed'}: ${(failure?.message ?? JSON.stringify(check)).slice(0, 600)}`,
        );
      }
    }
  }
  if (events.length === 0) failures.add(`schemathesis produced no events: ${output.slice(-2_000)}`);
  return { operations: operations.size, requests, serverErrors, schemaFailures, statuses, failures: [...failures] };
}
