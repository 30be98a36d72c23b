import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface SupervisedService {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
}

export interface SupervisorOptions {
  /** Each service output line, already tagged with its name by the caller's formatter. */
  readonly onLine: (service: string, line: string) => void;
  /** Lines about the supervision itself (a crash, a restart). */
  readonly report: (message: string) => void;
  /** How a service's last output line is quoted in a crash report (e.g. its JSON log made readable). */
  readonly quote?: (service: string, line: string) => string;
  readonly firstRestartDelayMs?: number;
  readonly maxRestartDelayMs?: number;
  /** A run this long counts as healthy again: the next crash restarts after the first delay. */
  readonly stableAfterMs?: number;
}

interface Running {
  child: ChildProcess;
  startedAt: number;
  restarts: number;
  consecutiveCrashes: number;
  lastLines: string[];
  restartTimer?: NodeJS.Timeout;
}

const KEPT_LINES = 5;

/**
 * Runs the platform's processes the way an operator expects: a process that dies is restarted
 * with a doubling delay and a line saying how it ended, and the others keep serving.
 */
export class ServiceSupervisor {
  private readonly running = new Map<string, Running>();
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {}

  start(service: SupervisedService): void {
    const state = this.running.get(service.name) ?? {
      restarts: 0,
      consecutiveCrashes: 0,
      lastLines: [],
      startedAt: 0,
      child: undefined as unknown as ChildProcess,
    };
    state.child = spawn(service.command, [...service.args], { env: service.env, stdio: ['ignore', 'pipe', 'pipe'] });
    state.startedAt = Date.now();
    for (const stream of [state.child.stdout, state.child.stderr]) {
      createInterface({ input: stream as NodeJS.ReadableStream }).on('line', (line) => {
        state.lastLines = [...state.lastLines, line].slice(-KEPT_LINES);
        this.options.onLine(service.name, line);
      });
    }
    state.child.once('exit', (code, signal) => this.exited(service, state, code, signal));
    this.running.set(service.name, state);
  }

  /** How many times each process was restarted. */
  restarts(): Record<string, number> {
    return Object.fromEntries([...this.running].map(([name, state]) => [name, state.restarts]));
  }

  pid(name: string): number | undefined {
    return this.running.get(name)?.child.pid;
  }

  /** SIGTERM to every process (a graceful shutdown), resolved once all have exited. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.running.values()].map((state) => {
        clearTimeout(state.restartTimer);
        if (state.child.exitCode !== null || state.child.signalCode !== null) return undefined;
        return new Promise((resolve) => {
          state.child.once('exit', resolve);
          state.child.kill('SIGTERM');
        });
      }),
    );
  }

  private exited(service: SupervisedService, state: Running, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping) return;
    const ranMs = Date.now() - state.startedAt;
    state.consecutiveCrashes = ranMs >= (this.options.stableAfterMs ?? 60_000) ? 1 : state.consecutiveCrashes + 1;
    const delay = Math.min(
      (this.options.firstRestartDelayMs ?? 1_000) * 2 ** (state.consecutiveCrashes - 1),
      this.options.maxRestartDelayMs ?? 30_000,
    );
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    const lastLine = state.lastLines.at(-1);
    const last =
      lastLine === undefined ? '' : `; its last output: ${this.options.quote?.(service.name, lastLine) ?? lastLine}`;
    this.options.report(
      `${service.name} ${how} after ${Math.round(ranMs / 1000)} s${last}; restarting in ${delay / 1000} s (restart ${state.restarts + 1})`,
    );
    state.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      state.restarts += 1;
      this.start(service);
    }, delay);
  }
}
