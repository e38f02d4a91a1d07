import type { EnvReader } from './config';

/**
 * The citizen notifier's settings (apps/notifier), read and validated with the rest of the one config. It consumes
 * KAFKA_TOPIC (the relay's topic) with KAFKA_BROKERS; each delivery channel is on only when its address is set.
 */
export interface NotifierSettings {
  /** NOTIFIER_GROUP: the Kafka consumer group, and the name of its dedupe state (default `notifier`). */
  group: string;
  /** NOTIFIER_CLIENT_ID (default `dossier-notifier`). */
  clientId: string;
  /** SMTP_URL: e-mail goes out through this server (smtp://host:port or smtps://…); unset: no e-mail. */
  smtpUrl: string | undefined;
  /** NOTIFIER_MAIL_FROM: the From of the e-mails (default `Bộ phận Một cửa <no-reply@dossier-tracker.invalid>`). */
  mailFrom: string;
  /** SMS_GATEWAY_URL: the SMS provider's HTTP gateway (JSON POST); unset: no SMS. */
  smsGatewayUrl: string | undefined;
  /** NOTIFIER_MAX_ATTEMPTS: sends tried before a notification goes to the dead-letter topic (default 8). */
  maxAttempts: number;
  /** NOTIFIER_RETRY_MS: the pause after the first failed send, doubled after each (default 2000). */
  retryMs: number;
  /** NOTIFIER_RETRY_MAX_MS: the longest pause between two tries (default 600000: ten minutes). */
  retryMaxMs: number;
  /** NOTIFIER_DEAD_LETTER_TOPIC (default `dossier-notifications.dead-letter`). */
  deadLetterTopic: string;
  /**
   * NOTIFIER_SENDERS: notifications sent at the same time by one process (default 4). Each holds a database connection
   * and briefly takes a second one (the access log): keep DATABASE_POOL_SIZE ≥ 2 × NOTIFIER_SENDERS + 4.
   */
  senders: number;
  /** NOTIFIER_POLL_MS: how often an idle sender looks for due notifications (default 250). */
  pollMs: number;
  /** NOTIFIER_MAX_AGE_HOURS: events recorded longer ago than this notify nobody (a group replaying history; 72). */
  maxAgeHours: number;
}

export function readNotifierSettings(read: EnvReader): NotifierSettings {
  return {
    group: read.pattern('NOTIFIER_GROUP', /^[\w.:-]{1,100}$/, 'letters, digits, . _ : -', 'notifier'),
    clientId: read.pattern('NOTIFIER_CLIENT_ID', /^[\w.-]{1,100}$/, 'letters, digits, . _ -', 'dossier-notifier'),
    smtpUrl: read.optionalUrl('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: read.string('NOTIFIER_MAIL_FROM', 'Bộ phận Một cửa <no-reply@dossier-tracker.invalid>'),
    smsGatewayUrl: read.optionalUrl('SMS_GATEWAY_URL', ['http:', 'https:']),
    maxAttempts: read.integer('NOTIFIER_MAX_ATTEMPTS', 8, 1, 100),
    retryMs: read.integer('NOTIFIER_RETRY_MS', 2_000, 1, 3_600_000),
    retryMaxMs: read.integer('NOTIFIER_RETRY_MAX_MS', 600_000, 1, 86_400_000),
    deadLetterTopic: read.pattern(
      'NOTIFIER_DEAD_LETTER_TOPIC',
      /^[a-zA-Z0-9._-]{1,249}$/,
      'a Kafka topic name (letters, digits, . _ -)',
      'dossier-notifications.dead-letter',
    ),
    senders: read.integer('NOTIFIER_SENDERS', 4, 1, 64),
    pollMs: read.integer('NOTIFIER_POLL_MS', 250, 10, 60_000),
    maxAgeHours: read.integer('NOTIFIER_MAX_AGE_HOURS', 72, 1, 87_600),
  };
}
