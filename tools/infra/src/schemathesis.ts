import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { infraHome } from './paths';
import { sleep } from './processes';
import { runCommand } from './run-command';

/** The OpenAPI fuzzer the API tests run, from PyPI, pinned. */
export const SCHEMATHESIS_VERSION = '4.32.5';

const home = join(infraHome, 'python', `schemathesis-${SCHEMATHESIS_VERSION}`);
const complete = join(home, '.complete');
const lock = `${home}.installing`;
export const schemathesisBinary = join(home, 'bin', 'schemathesis');

const INSTALL_TIMEOUT_MS = 10 * 60_000;

/**
 * Installs schemathesis into a virtual environment under `.infra/` once. A virtual environment
 * cannot be moved after it is made, so concurrent test runs take turns through a lock directory
 * (mkdir is atomic) and the others wait for the finished install.
 */
export async function installSchemathesis(): Promise<string> {
  const deadline = Date.now() + INSTALL_TIMEOUT_MS;
  while (!existsSync(complete)) {
    if (takeLock()) {
      try {
        await install();
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    } else if (Date.now() > deadline) {
      throw new Error(
        `schemathesis was still being installed by another run after ${INSTALL_TIMEOUT_MS / 60_000} min; remove ${lock} if no install is running`,
      );
    } else {
      await sleep(1_000);
    }
  }
  return schemathesisBinary;
}

function takeLock(): boolean {
  mkdirSync(join(infraHome, 'python'), { recursive: true });
  try {
    mkdirSync(lock);
    return true;
  } catch {
    return false;
  }
}

async function install(): Promise<void> {
  if (existsSync(complete)) return;
  console.log(`infra: installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI into ${home} (once)`);
  rmSync(home, { recursive: true, force: true });
  await runCommand('python3', ['-m', 'venv', home], infraHome);
  await runCommand(
    join(home, 'bin', 'pip'),
    ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
    infraHome,
  );
  writeFileSync(complete, SCHEMATHESIS_VERSION);
}
