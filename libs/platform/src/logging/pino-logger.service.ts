import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config/service-environment';

/** Nest's LoggerService over pino: one JSON object per line, tagged with service and site. */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Logger) {}

  static create(bindings: { service: string; site: string }, level: LogLevel): PinoLoggerService {
    return new PinoLoggerService(pino({ level, base: { ...bindings, pid: process.pid } }));
  }

  /** Gives plain code (outside Nest's DI) a logger that writes the same lines. */
  child(context: string): Logger {
    return this.logger.child({ context });
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes (message, ...params, context) and, for errors, a stack before the context. */
  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? (rest.shift() as string) : undefined;
    const fields: Record<string, unknown> = { context, stack };
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...message });
    } else {
      this.logger[level]({ ...fields, ...(rest.length > 0 && { params: rest }) }, String(message));
    }
  }
}
