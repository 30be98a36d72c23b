/**
 * Lets background loops (start-up retries, polls) end promptly at shutdown: `wait` returns
 * early once `stop` is called, and `track` remembers the attempt in flight so that shutdown
 * can wait for it to settle instead of leaving client work running after the app is gone.
 */
export class ShutdownSignal {
  private stopRequested = false;
  private readonly sleepers = new Set<() => void>();
  private readonly inFlight = new Set<Promise<unknown>>();

  get stopped(): boolean {
    return this.stopRequested;
  }

  /** Resolves after `ms`, or at once when stopped (before or during the wait). */
  wait(ms: number): Promise<void> {
    if (this.stopRequested) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  /** Runs `work` as an attempt that {@link stop} waits for. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const settled = () => this.inFlight.delete(work);
    work.then(settled, settled);
    return work;
  }

  /** Cuts every wait short and resolves once the tracked attempts have settled. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    for (const wake of [...this.sleepers]) wake();
    await Promise.allSettled([...this.inFlight]);
  }
}

/**
 * Whether `work` settles within `ms`. Shutdown waits for client work only so long: a broker can
 * hold a request (joining a group waits out a crashed member's session) past the service's
 * shutdown timeout.
 */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      grace,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
