import fs from 'node:fs';
import request from 'supertest';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import { EVENT_HEADERS, KafkaMessaging, decodeEvent } from '@app/messaging';
import { ProjectorService } from '@app/projector';
import { RelayService } from '@app/relay';
import { type SuiteKafka, describeKafka, kafkaForSuite } from '../setup/kafka-broker';
import { runApplicantRequests } from '../support/applicant-requests';
import {
  type AppProcess,
  RECEIPT_CLERK,
  RECEIPT_UNIT,
  adminToken,
  appToken,
  makeDataDir,
  postmasterPid,
  processRuns,
  spawnApp,
  supervisorToken,
} from '../support/app-process';
import { APPLICANTS, type ApplicantInput, type Needle, findNeedles, needlesOf } from '../support/personal-data';
import { type TestApp, createTestApp } from '../support/test-app';
import { readWholeLog } from './support/log-assertions';
import { type RawMessage, messageText, readWholeTopic } from './support/topic-reader';

const CENTRE = 'tth-pvhcc';
const HUE_CITY = 'tth-hcc-hue';
const ERASURE = {
  legalBasis: 'Điều 16 Nghị định 13/2023/NĐ-CP',
  reason: 'Chủ thể dữ liệu yêu cầu xoá (phiếu số 7/2026)',
};

/** Every needle found in any message: `partition@offset type: hit` lines. */
function hitsIn(messages: readonly RawMessage[], needles: readonly Needle[]): string[] {
  return messages.flatMap((m) => {
    const type = m.headers.find(([name]) => name === EVENT_HEADERS.type)?.[1].toString('utf8');
    return findNeedles(messageText(m), needles).map((hit) => `${m.partition}@${m.offset} ${type}: ${hit}`);
  });
}

const eventOf = (m: RawMessage): RecordedEvent =>
  decodeEvent({ value: m.value, topic: 'applicants', partition: m.partition, offset: m.offset });

/**
 * Issue 15, acceptance 1 (Kafka): receipts with applicants go through the intake, the relay publishes the log, and
 * every message of the topic — key, headers, value — holds no name (NFC or NFD, with or without diacritics), ID
 * number, phone or e-mail in clear: only `{applicantId, keyId, alg, ciphertext}`. After an erasure the relay publishes
 * ApplicantDataErased, which carries nothing personal, and the topic still holds none of the values.
 */
describeKafka("applicants' personal data on the Kafka topic", () => {
  let kafka: SuiteKafka;
  let testApp: TestApp;
  let topic: string;
  let messaging: KafkaMessaging;
  const http = () => request(testApp.app.getHttpServer());
  const applicantIds = new Map<string, string>();
  const dossierIds = new Map<string, string[]>();
  // Yến's details as a supervisor corrects them (new phone, e-mail and street)
  const corrected: ApplicantInput = {
    ...APPLICANTS.yen,
    phone: '0945 680 246',
    email: 'hoangyen.tonnu@example.vn',
    address: { ...APPLICANTS.yen.address, street: '3 Chi Lăng' },
  };
  const needles = [...Object.values(APPLICANTS), corrected].flatMap((a: ApplicantInput) => needlesOf(a));
  let before: RawMessage[];

  /** Until the relay has published the whole log (the projector's transactions may hold events back a moment). */
  const relayEverything = async (): Promise<RecordedEvent[]> => {
    const relay = testApp.app.get(RelayService).relay;
    await testApp.app.get(ProjectorService).projector.caughtUp();
    const deadline = Date.now() + 30_000;
    let log: RecordedEvent[];
    do {
      await relay.caughtUp();
      log = await readWholeLog(testApp.app.get<EventStore>(EVENT_STORE));
    } while (relay.status().eventsRelayed < log.length && Date.now() < deadline);
    expect(relay.status()).toMatchObject({ state: 'running', topic, eventsRelayed: log.length });
    return log;
  };

  /** The topic holds each event of the log (once, on a clean run), nothing else. */
  const expectTheLog = (messages: readonly RawMessage[], log: readonly RecordedEvent[]): void => {
    const published = new Set(messages.map((m) => `${m.key?.toString()}@${eventOf(m).streamPosition}`));
    expect([...published].sort()).toEqual(log.map((e) => `${e.streamId}@${e.streamPosition}`).sort());
    if (testApp.app.get(RelayService).relay.status().restarts === 0) expect(messages).toHaveLength(log.length);
  };

  beforeAll(async () => {
    kafka = await kafkaForSuite();
    topic = kafka.topic('applicant-events');
    testApp = await createTestApp({
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_TOPIC: topic,
      KAFKA_TOPIC_PARTITIONS: '3',
    });
    messaging = new KafkaMessaging({ brokers: kafka.brokers, clientId: 'relay-applicants-test' });
  }, 120_000);

  afterAll(async () => {
    await messaging?.close();
    await testApp?.close();
    await kafka?.stop();
  }, 60_000);

  it('publishes receipts and a correction with applicants sealed: no name, ID number, phone or e-mail in any key, header or value', async () => {
    const clerks: Record<string, string> = {
      [CENTRE]: await testApp.token('clerk', [CENTRE]),
      [HUE_CITY]: await testApp.token('clerk', [HUE_CITY]),
    };
    // five applicants (one in NFD, one an organisation), one of them returning at another unit; one receipt repeated
    const receipts: [name: keyof typeof APPLICANTS, unit: string, key: string][] = [
      ['yen', CENTRE, 'kafka-yen-1'],
      ['thinh', CENTRE, 'kafka-thinh-1'],
      ['han', CENTRE, 'kafka-han-1'],
      ['long', HUE_CITY, 'kafka-long-1'],
      ['htx', HUE_CITY, 'kafka-htx-1'],
      ['yen', HUE_CITY, 'kafka-yen-2'],
      ['thinh', CENTRE, 'kafka-thinh-1'],
    ];
    for (const [name, unit, key] of receipts) {
      const res = await http()
        .post('/api/v1/dossiers')
        .set('Authorization', `Bearer ${clerks[unit]}`)
        .set('Idempotency-Key', key)
        .send({
          procedureCode: 'H-HKD-01',
          receivingUnitId: unit,
          channel: 'counter',
          receivedAt: '2020-09-01T02:00:00Z',
          applicant: APPLICANTS[name],
        });
      expect({ name, key, status: res.status }).toEqual({ name, key, status: 201 });
      applicantIds.set(name, applicantIds.get(name) ?? res.body.applicant.applicantId);
      expect(res.body.applicant.applicantId).toBe(applicantIds.get(name));
      if (res.headers['idempotent-replayed'] !== 'true')
        dossierIds.set(name, [...(dossierIds.get(name) ?? []), res.body.id as string]);
    }
    expect(new Set(applicantIds.values()).size).toBe(5);
    // the grep finds what is there: the details as the clerk reads them
    for (const [name, [dossierId]] of dossierIds) {
      const unit = name === 'long' || name === 'htx' ? HUE_CITY : CENTRE;
      const read = await http().get(`/api/v1/dossiers/${dossierId}`).set('Authorization', `Bearer ${clerks[unit]}`);
      expect(read.status).toBe(200);
      expect(
        findNeedles(JSON.stringify(read.body), needlesOf(APPLICANTS[name as keyof typeof APPLICANTS])).length,
      ).toBeGreaterThanOrEqual(4);
    }

    const [yenAtCentre] = dossierIds.get('yen') as [string];
    const correction = await http()
      .post(`/api/v1/dossiers/${yenAtCentre}/correct`)
      .set('Authorization', `Bearer ${await testApp.token('supervisor', [CENTRE])}`)
      .send({ reason: 'Nhập nhầm số điện thoại, thư điện tử và địa chỉ', changes: { applicant: corrected } });
    expect(correction.status).toBe(200);

    const log = await relayEverything();
    before = await readWholeTopic(messaging.kafka, topic);
    expectTheLog(before, log);
    expect(hitsIn(before, needles)).toEqual([]);

    // what the receipts carry of their applicant: the id, the key id, the algorithm and the ciphertext
    const received = before.map(eventOf).filter((e) => e.type === 'DossierReceived');
    expect(received).toHaveLength(6);
    for (const event of received) {
      const sealed = event.data.applicant as Record<string, unknown>;
      expect(Object.keys(sealed).sort()).toEqual(['alg', 'applicantId', 'ciphertext', 'keyId']);
      expect(sealed.alg).toBe('A256GCM');
      expect([...applicantIds.values()]).toContain(sealed.applicantId);
    }
    const corrections = before.map(eventOf).filter((e) => e.type === 'EntryCorrected');
    expect(corrections).toHaveLength(1);
    const resealed = (corrections[0]?.data.changes as { applicant: Record<string, unknown> }).applicant;
    expect(Object.keys(resealed).sort()).toEqual(['alg', 'applicantId', 'ciphertext', 'keyId']);
    expect(resealed.applicantId).toBe(applicantIds.get('yen'));
    // headers: the routing ones only
    const headerNames = new Set(before.flatMap((m) => m.headers.map(([name]) => name)));
    expect([...headerNames].every((name) => (Object.values(EVENT_HEADERS) as string[]).includes(name))).toBe(true);
  }, 120_000);

  it('after an erasure: ApplicantDataErased says who, when, on what basis, nothing personal; the topic still holds none', async () => {
    const yen = applicantIds.get('yen') as string;
    const erased = await http()
      .post(`/api/v1/applicants/${yen}/erasure`)
      .set('Authorization', `Bearer ${await testApp.token('admin')}`)
      .send(ERASURE);
    expect(erased.status).toBe(200);

    const log = await relayEverything();
    const after = await readWholeTopic(messaging.kafka, topic);
    expectTheLog(after, log);
    expect(hitsIn(after, needles)).toEqual([]);
    // what was published before is there unchanged (a topic is not rewritten: the ciphertext stays, its key is gone)
    const now = new Map(after.map((m) => [`${m.partition}@${m.offset}`, m.value?.toString('base64')]));
    for (const m of before) expect(now.get(`${m.partition}@${m.offset}`)).toBe(m.value?.toString('base64'));

    const erasures = after.filter((m) => eventOf(m).type === 'ApplicantDataErased');
    expect(erasures).toHaveLength(1);
    const [message] = erasures as [RawMessage];
    const event = eventOf(message);
    expect(message.key?.toString()).toBe(`applicant-${yen}`);
    expect(event.data).toEqual({ applicantId: yen, ...ERASURE, occurredAt: expect.any(String) });
    expect(Object.keys(event.metadata).sort()).toEqual(['actor', 'actorName']);
    expect(hitsIn([message], needles)).toEqual([]);
    // nothing of the applicant's dossiers either: which dossiers a person filed is theirs to erase
    for (const dossierId of dossierIds.get('yen') ?? []) expect(messageText(message)).not.toContain(dossierId);
  }, 120_000);

  it('npm start with KAFKA_BROKERS at LOG_LEVEL=debug: neither its output nor its topic holds a personal value', async () => {
    const dataDir = makeDataDir();
    const appTopic = kafka.topic('applicant-events-app');
    let app: AppProcess | undefined;
    try {
      app = await spawnApp(dataDir, {
        env: { LOG_LEVEL: 'debug', KAFKA_BROKERS: kafka.brokers.join(','), KAFKA_TOPIC: appTopic },
      });
      const tokens = {
        clerk: appToken(RECEIPT_CLERK),
        supervisor: await supervisorToken(dataDir),
        admin: await adminToken(dataDir),
      };
      const sent = await runApplicantRequests(app.url, tokens, RECEIPT_UNIT);
      // until the relay has published the erasure (the last event of the requests)
      let messages: RawMessage[] = [];
      const deadline = Date.now() + 30_000;
      while (!messages.some((m) => eventOf(m).type === 'ApplicantDataErased')) {
        if (Date.now() > deadline) throw new Error(`no ApplicantDataErased on ${appTopic}:\n${app.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        messages = await readWholeTopic(messaging.kafka, appTopic).catch(() => []);
      }
      expect(await app.stop()).toBe(0);

      expect(messages.filter((m) => eventOf(m).type === 'DossierReceived')).toHaveLength(2);
      expect(hitsIn(messages, sent.needles)).toEqual([]);
      const output = app.output();
      expect(output).toMatch(/relaying to topic/); // the relay ran in this process, and logged
      expect(findNeedles(output, sent.needles)).toEqual([]);
    } finally {
      await app?.stop();
      const left = postmasterPid(dataDir);
      if (left && processRuns(left)) process.kill(left, 'SIGINT');
      for (let i = 0; i < 100 && left && processRuns(left); i++) await new Promise((r) => setTimeout(r, 50));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
