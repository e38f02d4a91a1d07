import type { Response } from 'express';
import { type Checkpoint, compareCheckpoints } from '@app/event-store';
import { type LiveScope, sees } from './live-scope';

/** A dossier event ready to send: its place in the log, the dossier's units, and the frame, written once for all. */
export interface LiveMessage {
  checkpoint: Checkpoint;
  units: ReadonlySet<string>;
  frame: string;
}

/**
 * A client that reads this slowly is dropped rather than buffered without end: it reconnects with its Last-Event-ID
 * and loses nothing.
 */
const MAX_UNSENT_BYTES = 1024 * 1024;

/**
 * One open stream. While it catches up (a resumed stream reads the log from its Last-Event-ID) the live messages
 * wait in a buffer, and are sent after the catch-up — only those after where it ended, so nothing comes twice.
 */
export class LiveConnection {
  private waiting: LiveMessage[] | undefined;
  private ended = false;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly response: Response,
    public scope: LiveScope,
    private readonly onEnd: (connection: LiveConnection) => void,
    catchingUp: boolean,
  ) {
    this.waiting = catchingUp ? [] : undefined;
  }

  get closed(): boolean {
    return this.ended;
  }

  /** A live message: sent now, or kept until the catch-up is over. */
  offer(message: LiveMessage): void {
    if (this.ended) return;
    if (this.waiting) this.waiting.push(message);
    else this.send(message);
  }

  /** Sends the message if the stream's scope shows its dossier. */
  send(message: LiveMessage): void {
    if (sees(this.scope, message.units)) this.write(message.frame);
  }

  /** The catch-up reached `upTo`: the live messages after it go out, and from now on at once. */
  goLive(upTo: Checkpoint): void {
    const waiting = this.waiting ?? [];
    this.waiting = undefined;
    for (const message of waiting) if (compareCheckpoints(message.checkpoint, upTo) > 0) this.send(message);
  }

  write(text: string): void {
    if (this.ended) return;
    this.response.write(text);
    if (this.response.writableLength > MAX_UNSENT_BYTES) this.close();
  }

  /** Runs `task` every `ms` while the stream is open. */
  every(ms: number, task: () => void): void {
    const timer = setInterval(task, ms);
    timer.unref();
    this.timers.push(timer);
  }

  close(): void {
    if (this.ended) return;
    this.ended = true;
    this.waiting = undefined;
    for (const timer of this.timers) clearInterval(timer);
    this.onEnd(this);
    if (!this.response.writableEnded) this.response.end();
  }
}
