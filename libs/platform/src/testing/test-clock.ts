import { Clock } from '../time/clock';

const DAY = 24 * 60 * 60 * 1000;

/** Real time moved forward by whole days: how a test reaches a deadline without waiting for it. */
export class TestClock extends Clock {
  private offsetDays = 0;

  constructor(offsetDays = 0) {
    super();
    this.offsetDays = offsetDays;
  }

  override now(): Date {
    return new Date(Date.now() + this.offsetDays * DAY);
  }

  advanceDays(days: number): void {
    this.offsetDays += days;
  }

  /** A clock that reads `isoDate` (today's time of day), for histories with fixed dates. */
  static startingOn(isoDate: string): TestClock {
    return new TestClock(
      Math.round(
        (Date.parse(`${isoDate}T00:00:00Z`) - Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`)) / DAY,
      ),
    );
  }

  /** Back to real time: what happened at the earlier date is now in the past. */
  backToToday(): void {
    this.offsetDays = 0;
  }
}
