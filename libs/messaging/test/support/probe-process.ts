import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from '@technopark/testing';

const repoRoot = join(__dirname, '../../../..');
const entryPoint = join(__dirname, '../fixtures/probe-process.main.ts');

export interface ProbeProcess {
  readonly child: ChildProcessWithoutNullStreams;
  output(): string;
  /** Resolves with the exit code, or the signal that ended the process. */
  readonly exit: Promise<number | NodeJS.Signals | null>;
  waitFor(line: string, timeoutMs?: number): Promise<void>;
}

/** A probe service in a real child process (see fixtures/probe-process.main.ts). */
export function runProbeProcess(env: Record<string, string>): ProbeProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entryPoint], {
    cwd: repoRoot,
    env: { PATH: process.env['PATH'] ?? '', SWC_NODE_PROJECT: join(repoRoot, 'tsconfig.base.json'), ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    output: () => output,
    exit,
    waitFor: (line, timeoutMs = 60_000) => eventually(async () => output.includes(line), `"${line}" from the probe process\n${output.slice(-2_000)}`, timeoutMs),
  };
}
