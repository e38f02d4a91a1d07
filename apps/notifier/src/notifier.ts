import type { Pool } from 'pg';
import type { ApplicantVault } from '@app/applicants';
import {
  type ConsumerLag,
  type MessageConsumer,
  type MessagePublisher,
  type Messaging,
  ProcessedEvents,
  idempotentEventHandler,
} from '@app/messaging';
import { recordNotifications } from './consuming/notification-intake';
import type { NotifierConfig } from './notifier-config';
import type { DeliveryChannel } from './sending/delivery-channel';
import { EmailChannel } from './sending/email-channel';
import { NotificationSender, type SenderStats } from './sending/notification-sender';
import { queueCounts } from './sending/notification-store';
import { SmsGatewayChannel } from './sending/sms-gateway-channel';

export type NotifierLog = (level: 'log' | 'warn' | 'error', message: string) => void;

export interface NotifierStatus {
  state: 'starting' | 'running' | 'stopped';
  group: string;
  topic: string;
  deadLetterTopic: string;
  channels: { email: boolean; sms: boolean };
  /** Events handled by this process (after the dedupe), duplicates dropped, notifications written. */
  eventsHandled: number;
  duplicates: number;
  planned: number;
  stale: number;
  sender: SenderStats;
  consumerError: string | null;
}

/** The channels that are on (SMTP_URL, SMS_GATEWAY_URL); neither set: the notifier records and sends nothing. */
export function deliveryChannels(config: NotifierConfig): DeliveryChannel[] {
  const channels: DeliveryChannel[] = [];
  if (config.smtpUrl)
    channels.push(new EmailChannel({ smtpUrl: config.smtpUrl, from: config.mailFrom, connections: config.senders }));
  if (config.smsGatewayUrl) channels.push(new SmsGatewayChannel({ url: config.smsGatewayUrl }));
  return channels;
}

/**
 * The citizen notifier: a member of the consumer group `config.group` on the events topic. Each partition batch is
 * deduplicated by `ProcessedEvents` and turned into notification rows in the same transaction (exactly once in
 * effect: a redelivered batch writes nothing); the offsets are committed after. The sender loop sends the rows
 * (see NotificationSender for retries, the dead-letter topic and the crash window).
 */
export class Notifier {
  private consumer?: MessageConsumer;
  private deadLetters?: MessagePublisher;
  private readonly sender: NotificationSender;
  private readonly counters = { eventsHandled: 0, duplicates: 0, planned: 0, stale: 0 };
  private state: NotifierStatus['state'] = 'stopped';
  private starting?: Promise<void>;

  constructor(
    private readonly options: {
      pool: Pool;
      messaging: Messaging;
      vault: ApplicantVault;
      config: NotifierConfig;
      channels: readonly DeliveryChannel[];
      log?: NotifierLog;
    },
  ) {
    const { config } = options;
    this.sender = new NotificationSender({
      pool: options.pool,
      vault: options.vault,
      channels: options.channels,
      deadLetter: async (letter) => {
        this.deadLetters ??= options.messaging.publisher();
        await this.deadLetters.publish(config.deadLetterTopic, [
          { key: letter.notificationId, value: JSON.stringify(letter), headers: { 'notification-kind': letter.kind } },
        ]);
      },
      maxAttempts: config.maxAttempts,
      retry: { firstMs: config.retryMs, maxMs: config.retryMaxMs },
      senders: config.senders,
      pollMs: config.pollMs,
      log: options.log,
    });
  }

  /** Joins the group and starts sending; a broker not reachable yet is tried again until stop(). */
  start(): Promise<void> {
    if (this.starting) return this.starting;
    this.state = 'starting';
    const { config, channels, log } = this.options;
    for (const name of ['email', 'sms'] as const)
      if (!channels.some((c) => c.name === name))
        log?.('warn', `notifier: ${name} is off (${name === 'email' ? 'SMTP_URL' : 'SMS_GATEWAY_URL'} not set)`);
    this.sender.start();
    this.starting = this.join().then(() => {
      if (this.state === 'starting') this.state = 'running';
      log?.('log', `notifier: group ${config.group} on ${config.topic}, dead letters to ${config.deadLetterTopic}`);
    });
    return this.starting;
  }

  private async join(): Promise<void> {
    const { messaging, config, pool, channels, log } = this.options;
    const processed = new ProcessedEvents({ pool, consumer: config.group });
    const names = channels.map((c) => c.name);
    for (let pause = 500; this.state === 'starting'; pause = Math.min(pause * 2, 10_000)) {
      try {
        await messaging.ensureTopic(config.topic, { partitions: config.partitions });
        await messaging.ensureTopic(config.deadLetterTopic, { partitions: 1 });
        const consumer = messaging.consumer({
          groupId: config.group,
          topics: [config.topic],
          fromBeginning: true,
          partitionsConsumedConcurrently: 3,
          handle: idempotentEventHandler(
            processed,
            async (events, client) => {
              const outcome = await recordNotifications(client, events, {
                channels: names,
                maxAgeMs: config.maxAgeHours * 3_600_000,
              });
              this.counters.planned += outcome.planned;
              this.counters.stale += outcome.stale;
            },
            (outcome) => {
              this.counters.eventsHandled += outcome.handled;
              this.counters.duplicates += outcome.duplicates;
              if (outcome.handled > 0) this.sender.wake();
            },
          ),
        });
        this.consumer = consumer;
        await consumer.start();
        return;
      } catch (error) {
        log?.('warn', `notifier: joining the group failed (${(error as Error).message}); again in ${pause} ms`);
        await this.consumer?.stop().catch(() => undefined);
        this.consumer = undefined;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  /** Leaves the group after the batch in flight, lets the senders finish the message in hand. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    await this.starting?.catch(() => undefined);
    await this.consumer?.stop().catch(() => undefined);
    await this.sender.stop();
    await this.deadLetters?.close().catch(() => undefined);
    await Promise.all(this.options.channels.map((c) => c.close()));
  }

  status(): NotifierStatus {
    const { config, channels } = this.options;
    return {
      state: this.state,
      group: config.group,
      topic: config.topic,
      deadLetterTopic: config.deadLetterTopic,
      channels: { email: channels.some((c) => c.name === 'email'), sms: channels.some((c) => c.name === 'sms') },
      ...this.counters,
      sender: { ...this.sender.stats },
      consumerError: this.consumer?.lastError ?? null,
    };
  }

  /** The group's lag on the topic (all members), and the notifications pending and dead-lettered (all processes). */
  async lag(): Promise<{ consumer: ConsumerLag; pending: number; deadLettered: number }> {
    const { messaging, config, pool } = this.options;
    const [consumer, queue] = await Promise.all([messaging.consumerLag(config.group, config.topic), queueCounts(pool)]);
    return { consumer, pending: queue.pending, deadLettered: queue.dead };
  }

  /** For /health: the status with the lags. */
  async health(): Promise<NotifierStatus & { lag: { messages: number }; pending: number; deadLettered: number }> {
    const lag = await this.lag();
    return {
      ...this.status(),
      lag: { messages: lag.consumer.messages },
      pending: lag.pending,
      deadLettered: lag.deadLettered,
    };
  }
}
