import type { Pool } from 'pg';
import type { ApplicantDetails } from '@app/domain';
import type { ApplicantVault, Reader } from '@app/applicants';
import { inTransaction } from '@app/platform';
import { renderNotification } from '../templates/render';
import type { Addressee } from '../templates/message';
import type { DeliveryChannel, DeliveryChannelName } from './delivery-channel';
import { type ClaimedNotification, claimNext, markDone, markRetry } from './notification-store';
import { redactError, retryDelayMs } from './retry-policy';

/** What goes to the dead-letter topic: which notification, why it failed, nothing personal. */
export interface DeadLetter {
  notificationId: string;
  eventId: string;
  dossierId: string;
  channel: DeliveryChannelName;
  kind: string;
  attempts: number;
  lastError: string;
  deadAt: string;
}

export interface SenderOptions {
  pool: Pool;
  vault: ApplicantVault;
  channels: readonly DeliveryChannel[];
  /** Publishes a dead letter; resolves once the broker acknowledged it. */
  deadLetter: (letter: DeadLetter) => Promise<void>;
  maxAttempts: number;
  retry: { firstMs: number; maxMs: number };
  /** Workers sending at the same time (each with its own transaction). */
  senders: number;
  pollMs: number;
  log?: (level: 'log' | 'warn' | 'error', message: string) => void;
}

export interface SenderStats {
  sent: number;
  skipped: number;
  failedTries: number;
  deadLettered: number;
  lastError: string | null;
}

/** Who reads the applicant's details to send, as the access log records it. */
const READER: Reader = { actor: 'system:notifier', actorName: 'Thông báo cho công dân', purpose: 'notification' };

/**
 * The sender loop: `senders` workers, each claiming one due notification at a time in a transaction of its own
 * (`FOR UPDATE SKIP LOCKED`), opening the applicant's sealed details with the vault, sending, and marking it sent
 * in that same transaction. On failure the try is counted and the next one is due after a doubling pause; after
 * `maxAttempts` tries it is published to the dead-letter topic and marked dead. An erased applicant (no key any
 * more) or one without an address on the channel is marked skipped: nothing is sent, nothing is wrong.
 *
 * The crash window, honestly: a process that dies after the provider accepted a message and before its
 * transaction committed leaves the row pending (its lock goes with the session), and the message is sent again —
 * with the same Message-ID / Idempotency-Key, so a mail system or gateway can drop it. That window is one UPDATE
 * and a COMMIT long. Everything else (redelivered Kafka batches, restarts, two notifiers) sends once.
 */
export class NotificationSender {
  readonly stats: SenderStats = { sent: 0, skipped: 0, failedTries: 0, deadLettered: 0, lastError: null };
  private readonly channels: Map<DeliveryChannelName, DeliveryChannel>;
  private running = false;
  private workers: Promise<void>[] = [];
  private waiting = new Set<() => void>();

  constructor(private readonly options: SenderOptions) {
    this.channels = new Map(options.channels.map((c) => [c.name, c]));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.workers = Array.from({ length: this.options.senders }, () => this.work());
  }

  /** New notifications were written: idle workers look at once instead of at their next poll. */
  wake(): void {
    for (const resolve of this.waiting) resolve();
    this.waiting.clear();
  }

  /** Lets each worker finish the notification in hand, then returns. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await Promise.all(this.workers);
  }

  private async work(): Promise<void> {
    while (this.running) {
      let handled = false;
      try {
        handled = await this.sendOne();
      } catch (error) {
        this.stats.lastError = redactError((error as Error).message);
        this.options.log?.('warn', `notifier: sending failed: ${this.stats.lastError}`);
      }
      if (!handled && this.running) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.options.pollMs);
      this.waiting.add(done);
    });
  }

  /** Claims, sends and settles one notification; false when none was due. */
  private sendOne(): Promise<boolean> {
    return inTransaction(this.options.pool, async (client) => {
      const n = await claimNext(client);
      if (!n) return false;
      const attempts = n.attempts + 1;
      const channel = this.channels.get(n.channel);
      const skip = async (reason: string): Promise<true> => {
        await markDone(client, n.id, n.attempts, { status: 'skipped', reason });
        this.stats.skipped++;
        return true;
      };
      if (!channel) return skip('channel-off');
      if (!n.applicant) return skip('no-applicant');
      const revealed = await this.options.vault.reveal(n.applicant, READER, n.dossierId);
      if (!('details' in revealed)) return skip('erased');
      const to = channel.addressOf(revealed.details);
      if (!to) return skip('no-address');
      const message = renderNotification(n.content, addresseeOf(revealed.details));
      try {
        await channel.send({ id: n.id, messageId: `${n.id}@dossier-tracker`, to, ...message });
      } catch (error) {
        await this.failed(n, attempts, redactError((error as Error).message, [to]), client);
        return true;
      }
      await markDone(client, n.id, attempts, { status: 'sent' });
      this.stats.sent++;
      return true;
    });
  }

  private async failed(
    n: ClaimedNotification,
    attempts: number,
    error: string,
    client: Parameters<typeof markDone>[0],
  ): Promise<void> {
    this.stats.failedTries++;
    this.stats.lastError = error;
    if (attempts < this.options.maxAttempts) {
      const delay = retryDelayMs(attempts, this.options.retry);
      this.options.log?.('warn', `notifier: ${n.id} try ${attempts} failed (${error}); next in ${delay} ms`);
      await markRetry(client, n.id, attempts, delay, error);
      return;
    }
    // published first: a crash before the commit publishes it again (consumers of the topic key on the id)
    await this.options.deadLetter({
      notificationId: n.id,
      eventId: n.eventId,
      dossierId: n.dossierId,
      channel: n.channel,
      kind: n.kind,
      attempts,
      lastError: error,
      deadAt: new Date().toISOString(),
    });
    await markDone(client, n.id, attempts, { status: 'dead', error });
    this.stats.deadLettered++;
    this.options.log?.('error', `notifier: ${n.id} dead-lettered after ${attempts} tries (${error})`);
  }
}

function addresseeOf(details: ApplicantDetails): Addressee {
  return { kind: details.kind, fullName: details.fullName, returnByPost: details.returnByPost !== undefined };
}
