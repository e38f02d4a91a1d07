import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import request from 'supertest';
import { ApplicantVault, BlindIndex, FileMasterKeys } from '@app/applicants';
import { type EventStore, createEventStore } from '@app/event-store';
import { KafkaMessaging } from '@app/messaging';
import { NOTIFIER_MIGRATIONS, Notifier, deliveryChannels, loadNotifierConfig } from '@app/notifier';
import { loadConfig, runMigrations } from '@app/platform';
import { type SuiteKafka, kafkaForSuite } from '../../setup/kafka-broker';
import type { ApplicantInput } from '../../support/personal-data';
import { TEST_TOKEN_SECRET, type TestApp, createTestApp } from '../../support/test-app';
import { FakeSmsGateway } from './sms-gateway';
import { SmtpSink } from '../../../scripts/bench/support/smtp-sink';

export const CENTRE = 'tth-pvhcc';

/**
 * The world of a notifier test: a Kafka broker (the suite's own, or KAFKA_BROKERS), the standalone app on a fresh
 * database with the relay publishing to a topic of this suite, a real SMTP server and an SMS gateway on loopback, and
 * notifiers started in this process on demand (`startNotifier`) or as worker processes (`notifierEnv`).
 */
export class NotifierWorld {
  kafka!: SuiteKafka;
  testApp!: TestApp;
  topic!: string;
  deadLetterTopic!: string;
  readonly smtp = new SmtpSink();
  readonly sms = new FakeSmsGateway();
  smsUrl!: string;
  keysDir!: string;
  pool!: Pool;
  store!: EventStore;
  private clerk?: string;
  private readonly running = new Set<{ notifier: Notifier; messaging: KafkaMessaging }>();

  async start(): Promise<void> {
    this.kafka = await kafkaForSuite();
    this.topic = this.kafka.topic('notifier-events');
    this.deadLetterTopic = this.kafka.topic('notifier-dead-letters');
    this.keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notifier-keys-'));
    this.testApp = await createTestApp({
      KAFKA_BROKERS: this.kafka.brokers.join(','),
      KAFKA_TOPIC: this.topic,
      KAFKA_TOPIC_PARTITIONS: '3',
      KEYS_DIR: this.keysDir,
    });
    await this.smtp.start();
    this.smsUrl = await this.sms.start();
    this.pool = new Pool({ connectionString: this.testApp.database.url, max: 12 });
    this.pool.on('error', () => undefined);
    await runMigrations(this.pool, NOTIFIER_MIGRATIONS); // as the notifier's main.ts and worker.ts do at start
    this.store = await createEventStore({ kind: 'postgres', pool: this.pool, migrate: false });
  }

  /** The variables of a notifier of this world (in this process or as a worker process). */
  notifierEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.testApp.database.url,
      KAFKA_BROKERS: this.kafka.brokers.join(','),
      KAFKA_TOPIC: this.topic,
      KAFKA_TOPIC_PARTITIONS: '3',
      KEYS_DIR: this.keysDir,
      TOKEN_SECRET: TEST_TOKEN_SECRET,
      SMTP_URL: this.smtp.url,
      SMS_GATEWAY_URL: this.smsUrl,
      NOTIFIER_DEAD_LETTER_TOPIC: this.deadLetterTopic,
      NOTIFIER_RETRY_MS: '100',
      NOTIFIER_POLL_MS: '100',
      ...extra,
    };
  }

  /** A notifier in this process (a member of NOTIFIER_GROUP of `extra`, default `notifier`). */
  async startNotifier(extra: Record<string, string> = {}): Promise<Notifier> {
    const config = loadNotifierConfig(loadConfig(this.notifierEnv(extra)));
    const messaging = new KafkaMessaging({ brokers: config.brokers, clientId: config.clientId });
    const vault = new ApplicantVault(
      this.pool,
      this.store,
      new FileMasterKeys(this.keysDir),
      BlindIndex.fromDir(this.keysDir),
    );
    const notifier = new Notifier({ pool: this.pool, messaging, vault, config, channels: deliveryChannels(config) });
    this.running.add({ notifier, messaging });
    await notifier.start();
    return notifier;
  }

  async stopNotifier(notifier: Notifier): Promise<void> {
    for (const entry of this.running)
      if (entry.notifier === notifier) {
        await notifier.stop();
        await entry.messaging.close();
        this.running.delete(entry);
      }
  }

  http() {
    return request(this.testApp.app.getHttpServer());
  }

  async clerkToken(): Promise<string> {
    this.clerk ??= await this.testApp.token('clerk', [CENTRE]);
    return this.clerk;
  }

  /** A receipt at the centre's counter (201 expected): the dossier's id, code and due date. */
  async receive(
    applicant: ApplicantInput | undefined,
    key: string,
  ): Promise<{ id: string; code: string; dueDate: string; applicantId?: string }> {
    const res = await this.http()
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${await this.clerkToken()}`)
      .set('Idempotency-Key', key)
      .send({
        procedureCode: 'H-HKD-01',
        receivingUnitId: CENTRE,
        channel: 'counter',
        receivedAt: '2020-09-01T02:00:00Z',
        ...(applicant ? { applicant } : {}),
      });
    if (res.status !== 201) throw new Error(`receipt ${key}: ${res.status} ${JSON.stringify(res.body)}`);
    return {
      id: res.body.id,
      code: res.body.code,
      dueDate: res.body.dueDate,
      applicantId: res.body.applicant?.applicantId,
    };
  }

  /** A lifecycle step (POST /dossiers/{id}/{action}), 200 expected. */
  async act(dossierId: string, action: string, body: Record<string, unknown>): Promise<void> {
    const res = await this.http()
      .post(`/api/v1/dossiers/${dossierId}/${action}`)
      .set('Authorization', `Bearer ${await this.clerkToken()}`)
      .send(body);
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** The dossier's current due date, as the API reads it. */
  async dueDate(dossierId: string): Promise<string> {
    const res = await this.http()
      .get(`/api/v1/dossiers/${dossierId}`)
      .set('Authorization', `Bearer ${await this.clerkToken()}`);
    if (res.status !== 200) throw new Error(`read: ${res.status}`);
    return res.body.dueDate as string;
  }

  async erase(applicantId: string): Promise<void> {
    const res = await this.http()
      .post(`/api/v1/applicants/${applicantId}/erasure`)
      .set('Authorization', `Bearer ${await this.testApp.token('admin')}`)
      .send({ legalBasis: 'Điều 16 Nghị định 13/2023/NĐ-CP', reason: 'Chủ thể dữ liệu yêu cầu xoá' });
    if (res.status !== 200) throw new Error(`erasure: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** The notifier's rows (id, status, skip reason, attempts) for a dossier. */
  async notificationsOf(
    dossierId: string,
  ): Promise<
    { id: string; kind: string; channel: string; status: string; skip_reason: string | null; attempts: number }[]
  > {
    const { rows } = await this.pool.query(
      `SELECT id, kind, channel, status, skip_reason, attempts FROM notifier.notifications
        WHERE dossier_id = $1 ORDER BY position, channel`,
      [dossierId],
    );
    return rows;
  }

  /** Waits until no notification is pending and the group has handled everything (the relay caught up too). */
  async settled(notifier: Notifier, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lag = await notifier.lag().catch(() => undefined);
      if (lag && lag.consumer.messages === 0 && lag.pending === 0) return;
      if (Date.now() > deadline)
        throw new Error(`not settled: ${JSON.stringify(lag)} ${JSON.stringify(notifier.status())}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(): Promise<void> {
    for (const { notifier, messaging } of this.running) {
      await notifier.stop().catch(() => undefined);
      await messaging.close().catch(() => undefined);
    }
    this.running.clear();
    await this.store?.close().catch(() => undefined);
    await this.pool?.end().catch(() => undefined);
    await this.smtp.stop().catch(() => undefined);
    await this.sms.stop().catch(() => undefined);
    await this.testApp?.close();
    await this.kafka?.stop();
    if (this.keysDir) fs.rmSync(this.keysDir, { recursive: true, force: true });
  }
}
