import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const repoRoot = join(__dirname, '../../../..');

export interface TypeScriptProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything it wrote so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the exit code, or the signal that ended the process. */
  readonly exit: Promise<number | NodeJS.Signals | null>;
}

/** Runs a TypeScript entry point in a real child process (tests that kill or signal it, or run a CLI). */
export function runTypeScriptProcess(
  entryPoint: string,
  env: Record<string, string>,
  args: readonly string[] = [],
): TypeScriptProcess {
  return runNodeProcess(['-r', '@swc-node/register', entryPoint, ...args], {
    SWC_NODE_PROJECT: join(repoRoot, 'tsconfig.base.json'),
    ...env,
  });
}

/**
 * Runs built JavaScript as operators run it (`node <flags> dist/…/main.js`): no compiler in the
 * process. `nodeFlags`: the flags services run with (`SERVICE_NODE_FLAGS` from '@technopark/infra').
 */
export function runBuiltProcess(
  entryPoint: string,
  env: Record<string, string>,
  nodeFlags: readonly string[],
): TypeScriptProcess {
  return runNodeProcess([...nodeFlags, entryPoint], env);
}

/** SIGTERM, and SIGKILL when it has not ended after `graceMs`; resolves once it has ended. */
export async function stopGracefully(running: TypeScriptProcess, graceMs = 20_000): Promise<void> {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return;
  running.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise((resolve) => (timer = setTimeout(resolve, graceMs, 'late')));
  const ended = await Promise.race([running.exit, late]);
  clearTimeout(timer);
  if (ended === 'late') {
    running.child.kill('SIGKILL');
    await running.exit;
  }
}

function runNodeProcess(args: readonly string[], env: Record<string, string>): TypeScriptProcess {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { child, output: () => output, exit };
}
