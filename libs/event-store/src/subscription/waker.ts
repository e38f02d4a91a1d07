/**
 * Wakes one subscription loop. A wake that arrives while the loop is busy is remembered, so a notification that
 * lands during a read is never lost: the next wait returns at once.
 */
export class Waker {
  private pending?: () => void;
  private flagged = false;

  wake(): void {
    this.flagged = true;
    this.pending?.();
  }

  /** Resolves true when woken, false when `ms` passed first. */
  wait(ms: number): Promise<boolean> {
    if (this.flagged) {
      this.flagged = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        resolve(false);
      }, ms);
      this.pending = () => {
        clearTimeout(timer);
        this.pending = undefined;
        this.flagged = false;
        resolve(true);
      };
    });
  }
}
