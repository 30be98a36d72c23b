import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const QUIET_PATHS = new Set(['/health', '/health/ready', '/metrics']);

/** One line per HTTP request, once the response is sent; probes are logged at debug only. */
@Injectable()
export class RequestLoggingMiddleware implements NestMiddleware {
  private readonly logger = new Logger('http');

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const line = {
        method: request.method,
        path: request.originalUrl,
        status: response.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      };
      if (QUIET_PATHS.has(request.path)) this.logger.debug(line);
      else this.logger.log(line);
    });
    next();
  }
}
