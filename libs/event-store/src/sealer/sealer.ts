import { Pause } from '@app/platform/pg';
import type { SealExport } from '../event-store.port';
import type { SealPolicy } from '../postgres/seal';

/** What the sealer needs of the store (PostgresEventStore.sealIfDue). */
export interface SealsWhenDue {
  sealIfDue(policy: SealPolicy): Promise<SealExport | null>;
}

export interface SealerOptions {
  store: SealsWhenDue;
  policy: SealPolicy;
  /** How often to ask whether a seal is due (default: 5 s, or the policy's period if shorter). */
  checkEveryMs?: number;
  log?: (level: 'log' | 'warn' | 'debug', message: string) => void;
}

/**
 * Takes seals on its own while the app runs: every `everyEvents` events or `everySeconds` seconds (whichever comes
 * first), a long backlog as several seals of at most `maxEvents`. Several sealers (several app instances) may run:
 * each decision is taken under the seal table's lock, so they take turns and never seal the same range twice.
 */
export class Sealer {
  private readonly pause = new Pause();
  private loop?: Promise<void>;
  private running = false;

  constructor(private readonly options: SealerOptions) {}

  get enabled(): boolean {
    return this.options.policy.everyEvents > 0 || this.options.policy.everySeconds > 0;
  }

  start(): void {
    if (this.loop || !this.enabled) return;
    this.running = true;
    const { everySeconds } = this.options.policy;
    const checkMs = this.options.checkEveryMs ?? Math.min(5000, everySeconds > 0 ? everySeconds * 1000 : 5000);
    this.loop = (async () => {
      while (this.running) {
        try {
          await this.step();
        } catch (error) {
          this.options.log?.('warn', `sealer: ${(error as Error).message} (will try again)`);
        }
        if (this.running) await this.pause.wait(checkMs);
      }
    })();
  }

  /** Seals while a seal is due; returns the seals taken. */
  async step(): Promise<SealExport[]> {
    const taken: SealExport[] = [];
    for (;;) {
      const sealed = await this.options.store.sealIfDue(this.options.policy);
      if (!sealed) return taken;
      taken.push(sealed);
      this.options.log?.(
        'debug',
        `sealer: seal #${sealed.sealNumber} over ${sealed.eventCount} events up to global position ${sealed.upTo.globalPosition}`,
      );
      if (!this.running && this.loop) return taken; // shutting down: the rest waits for the next start
    }
  }

  /** Stops after the seal in progress. */
  async stop(): Promise<void> {
    this.running = false;
    this.pause.wake();
    await this.loop;
    this.loop = undefined;
  }
}
