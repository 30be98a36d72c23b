import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The time services act on. Deadlines and periods are computed from it, so a test can move time
 * forward (override the provider) instead of waiting for it.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's calendar date in UTC, `YYYY-MM-DD`. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
