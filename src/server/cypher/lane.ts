/** Releases a slot of the lane; calling it again does nothing. */
export type Release = () => void;

/**
 * At most `slots` holders at once and at most `queueSize` waiting for a slot, in order of arrival. A wait ends
 * with a slot, or with a refusal when the queue is full or the wait's signal aborts (the caller gave up).
 */
export class Lane {
  private running = 0;
  private readonly waiting: { grant: (release: Release) => void }[] = [];

  constructor(
    readonly slots: number,
    readonly queueSize: number,
  ) {}

  /** Holders and waiters now, for tests and logs. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Given a signal, resolves with the release of a slot once one is free; resolves with undefined at once when the
   * queue is full, and rejects with the signal's reason when it aborts first.
   */
  acquire(signal: AbortSignal): Promise<Release | undefined> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.running < this.slots) return Promise.resolve(this.take());
    if (this.waiting.length >= this.queueSize) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: (release: Release) => {
          signal.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private take(): Release {
    this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      const next = this.waiting.shift();
      if (next) next.grant(this.take());
    };
  }
}
