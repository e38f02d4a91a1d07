import type { NextFunction, Request, Response } from 'express';

/** How a response being counted stops counting before it ends (set by the middleware, see leaveInFlight). */
const leaving = new WeakMap<Response, () => void>();

/**
 * A long-lived response (a server-sent event stream) that its own module closes at shutdown stops counting as a
 * request in flight: a stopping app does not wait for it. Does nothing for a response the middleware never counted.
 */
export function leaveInFlight(response: Response): void {
  leaving.get(response)?.();
}

/**
 * Counts the requests being handled, so that a stopping app can let them finish before it closes the event store
 * and the pool. A handler goes on after its client hangs up (the response is not needed, but its statements are
 * under way): stopping in the middle would only fill the log with errors for work settled by then, or not at all.
 * A request counts until its response is ended — which the app does when the handler is done, whether the client
 * is still there or not. (An Express middleware: a Nest interceptor would put every request through rxjs.)
 */
export class InFlightRequests {
  private running = 0;
  private waiters: (() => void)[] = [];

  get count(): number {
    return this.running;
  }

  readonly middleware = (_request: Request, response: Response, next: NextFunction): void => {
    this.running += 1;
    const end = response.end;
    let ended = false;
    const leave = (): void => {
      if (ended) return;
      ended = true;
      leaving.delete(response);
      this.finished();
    };
    leaving.set(response, leave);
    response.end = ((...args: Parameters<Response['end']>) => {
      leave();
      return end.apply(response, args);
    }) as Response['end'];
    next();
  };

  /** Resolves true once no request is being handled, or false after `timeoutMs`. */
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

  private finished(): void {
    this.running -= 1;
    if (this.running === 0) this.waiters.splice(0).forEach((wake) => wake());
  }
}
