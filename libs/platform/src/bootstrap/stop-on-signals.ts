import type { INestApplication, LoggerService } from '@nestjs/common';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * On SIGTERM/SIGINT: close the app (HTTP stops accepting, lifecycle hooks flush and
 * disconnect), then exit 0. If closing takes longer than `timeoutMs`, exit 1 rather than hang.
 */
export function stopOnSignals(app: INestApplication, logger: LoggerService, timeoutMs: number): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log({ msg: 'shutting down', signal, timeoutMs }, 'lifecycle');
    setTimeout(() => {
      logger.error({ msg: 'shutdown timed out, exiting', timeoutMs }, undefined, 'lifecycle');
      process.exit(1);
    }, timeoutMs).unref();
    await app.close();
    logger.log({ msg: 'stopped cleanly' }, 'lifecycle');
    process.exit(0);
  };
  for (const signal of SIGNALS) process.on(signal, (received) => void stop(received));
}
