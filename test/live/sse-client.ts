/** One server-sent event as a client reads it. */
export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
  /** When it arrived (Date.now()). */
  at: number;
}

/**
 * A real HTTP client of a text/event-stream (Node's fetch, reading the body as it comes), parsing it as the HTML
 * standard's EventSource does. Keeps every event and every comment line, and says when the server ended the stream.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  readonly status: number;
  readonly headers: Headers;
  /** Resolves when the server ends the stream (or the client aborts it). */
  readonly ended: Promise<void>;
  private readonly abort: AbortController;
  private waiters: (() => void)[] = [];
  private over = false;

  private constructor(response: Response, abort: AbortController) {
    this.status = response.status;
    this.headers = response.headers;
    this.abort = abort;
    this.ended = this.read(response).finally(() => {
      this.over = true;
      this.notify();
    });
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const abort = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    return new SseClient(response, abort);
  }

  get isOver(): boolean {
    return this.over;
  }

  /** The events named `event` received so far, data parsed. */
  named<T = Record<string, unknown>>(event: string): (T & { $id: string | undefined; $at: number })[] {
    return this.events
      .filter((e) => e.event === event)
      .map((e) => ({ ...(JSON.parse(e.data) as T), $id: e.id, $at: e.at }));
  }

  /** Waits until `predicate` holds of what arrived (or the stream ended), at most `ms`. */
  async until(predicate: () => boolean, ms = 3000): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0 || this.over) return predicate();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  }

  /** The client hangs up (a dropped connection). */
  async close(): Promise<void> {
    this.abort.abort();
    await this.ended;
  }

  private notify(): void {
    this.waiters.splice(0).forEach((wake) => wake());
  }

  private async read(response: Response): Promise<void> {
    if (!response.body) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let id: string | undefined;
    let event = '';
    let data: string[] = [];
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let newline: number;
        while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
          if (line === '') {
            if (data.length) this.events.push({ id, event: event || 'message', data: data.join('\n'), at: Date.now() });
            event = '';
            data = [];
            this.notify();
            continue;
          }
          if (line.startsWith(':')) {
            this.comments.push(line.slice(1).trim());
            continue;
          }
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') id = text;
          else if (field === 'event') event = text;
          else if (field === 'data') data.push(text);
          else if (field === 'retry')
            this.events.push({ id, event: 'retry', data: JSON.stringify(Number(text)), at: Date.now() });
        }
      }
    } catch {
      // aborted by the client
    }
  }
}
