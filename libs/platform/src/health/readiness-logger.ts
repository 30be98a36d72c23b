import { ConsoleLogger, Injectable, Logger } from '@nestjs/common';

/**
 * Terminus reports every failed readiness check as an ERROR. Not ready is an expected state
 * (starting up, a dependency restarting) that the readiness answer already reports with its
 * reason, so it is logged at info; an operator's alerts come from readiness itself.
 */
@Injectable()
export class ReadinessLogger extends ConsoleLogger {
  private readonly logger = new Logger('readiness');

  override error(message: unknown): void {
    this.logger.log({ msg: 'not ready', detail: message });
  }
}
