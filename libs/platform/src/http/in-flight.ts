import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { type Observable, finalize } from 'rxjs';

/**
 * Counts the requests whose handler is running, so that a stopping app can let them finish before it closes the
 * event store and the pool. A handler goes on after its client hangs up (the response is not needed, but its
 * statements are under way): stopping in the middle would only fill the log with errors for work that was already
 * settled by then, or not at all.
 */
export class InFlightRequests implements NestInterceptor {
  private running = 0;
  private waiters: (() => void)[] = [];

  get count(): number {
    return this.running;
  }

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.running += 1;
    return next.handle().pipe(
      finalize(() => {
        this.running -= 1;
        if (this.running === 0) this.waiters.splice(0).forEach((wake) => wake());
      }),
    );
  }

  /** Resolves true once no handler runs, or false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
