import { join } from 'node:path';
import { eventually, runTypeScriptProcess, type TypeScriptProcess } from '@technopark/testing';

const entryPoint = join(__dirname, '../fixtures/probe-process.main.ts');

export interface ProbeProcess extends TypeScriptProcess {
  waitFor(line: string, timeoutMs?: number): Promise<void>;
}

/** A probe service in a real child process (see fixtures/probe-process.main.ts). */
export function runProbeProcess(env: Record<string, string>): ProbeProcess {
  const running = runTypeScriptProcess(entryPoint, env);
  return {
    ...running,
    waitFor: (line, timeoutMs = 60_000) =>
      eventually(
        async () => running.output().includes(line),
        `"${line}" from the probe process\n${running.output().slice(-2_000)}`,
        timeoutMs,
      ),
  };
}
