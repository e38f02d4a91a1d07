import { EVENT_HEADERS, KafkaMessaging } from '@app/messaging';
import type { DeadLetter, Notifier } from '@app/notifier';
import { readWholeTopic } from '../kafka/support/topic-reader';
import { describeKafka } from '../setup/kafka-broker';
import { APPLICANTS, findNeedles, needlesOf } from '../support/personal-data';
import { NotifierWorld } from './support/notifier-fixture';
import { NotifierProcess } from './support/notifier-process';

/**
 * Issue 19 (notifier): delivery when the mail server is not well — refusing a while (retried, delivered once),
 * refusing for good (the dead-letter topic holds it, nothing personal in it) — and two notifier processes of one
 * group sharing the work without a duplicate.
 */
describeKafka('citizen notifier: retries, dead letters, two processes', () => {
  const world = new NotifierWorld();
  let notifier: Notifier | undefined;

  beforeAll(async () => {
    await world.start();
  }, 180_000);

  afterAll(async () => {
    await world.stop();
  }, 60_000);

  const waitForRow = async (dossierId: string, channel: string, status: string, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = (await world.notificationsOf(dossierId)).find((n) => n.channel === channel);
      if (row?.status === status) return row;
      if (Date.now() > deadline) throw new Error(`${dossierId} ${channel}: ${JSON.stringify(row)}, not ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('an SMTP server refusing twice, then accepting: tried three times, delivered once', async () => {
    notifier = await world.startNotifier({ NOTIFIER_MAX_ATTEMPTS: '5' });
    world.smtp.refuse(2);
    const d = await world.receive(APPLICANTS.thinh, 'delivery-retry-1');
    const row = await waitForRow(d.id, 'email', 'sent');
    expect(row.attempts).toBe(3);
    expect(world.smtp.refused).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mails = world.smtp.mails.filter((m) => m.subject.includes(d.code));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.messageId).toBe(`<dossier-${d.id}.1.email@dossier-tracker>`);
    expect(notifier.status().sender).toMatchObject({ failedTries: 2, deadLettered: 0 });
    // what it kept of the failure names no address
    const { rows } = await world.pool.query<{ last_error: string }>(
      'SELECT last_error FROM notifier.notifications WHERE id = $1',
      [`dossier-${d.id}.1.email`],
    );
    expect(rows[0]?.last_error).toMatch(/451/);
    expect(findNeedles(rows[0]?.last_error ?? '', needlesOf(APPLICANTS.thinh))).toEqual([]);
    await world.stopNotifier(notifier);
  }, 90_000);

  it('an SMTP server refusing every try: after NOTIFIER_MAX_ATTEMPTS the dead-letter topic holds it, nothing personal', async () => {
    notifier = await world.startNotifier({ NOTIFIER_MAX_ATTEMPTS: '3' });
    world.smtp.refuse(Number.POSITIVE_INFINITY);
    const d = await world.receive(APPLICANTS.yen, 'delivery-dead-1');
    const row = await waitForRow(d.id, 'email', 'dead');
    world.smtp.refuse(0);
    expect(row.attempts).toBe(3);
    expect(world.smtp.mails.filter((m) => m.subject.includes(d.code))).toEqual([]);
    // the SMS went out all the same
    await waitForRow(d.id, 'sms', 'sent');
    const messaging = new KafkaMessaging({ brokers: world.kafka.brokers, clientId: 'dead-letter-reader' });
    try {
      const letters = await readWholeTopic(messaging.kafka, world.deadLetterTopic);
      expect(letters).toHaveLength(1);
      const [letter] = letters;
      expect(letter?.key?.toString()).toBe(`dossier-${d.id}.1.email`);
      const value = JSON.parse(letter?.value?.toString() ?? '{}') as DeadLetter;
      expect(value).toEqual({
        notificationId: `dossier-${d.id}.1.email`,
        eventId: `dossier-${d.id}.1`,
        dossierId: d.id,
        channel: 'email',
        kind: 'received',
        attempts: 3,
        lastError: expect.stringMatching(/451/),
        deadAt: expect.any(String),
      });
      const text = `${letter?.key?.toString()} ${letter?.value?.toString()} ${letter?.headers.map(([k, v]) => `${k}=${v}`).join(' ')}`;
      expect(findNeedles(text, needlesOf(APPLICANTS.yen))).toEqual([]);
      expect(letter?.headers.map(([k]) => k).some((k) => (Object.values(EVENT_HEADERS) as string[]).includes(k))).toBe(
        false,
      );
    } finally {
      await messaging.close();
    }
    const health = await notifier.health();
    expect(health).toMatchObject({ deadLettered: 1, sender: { deadLettered: 1 } });
    await world.stopNotifier(notifier);
  }, 90_000);

  it('two notifier processes in one group share the work: every e-mail and SMS once', async () => {
    const env = world.notifierEnv({ NOTIFIER_GROUP: 'notifier-pair' });
    const processes = [new NotifierProcess(env), new NotifierProcess(env)];
    const messaging = new KafkaMessaging({ brokers: world.kafka.brokers, clientId: 'pair-watcher' });
    const admin = messaging.kafka.admin();
    await admin.connect();
    try {
      // both members joined (the group `notifier-pair` is new: it reads the topic from the start)
      const deadline = Date.now() + 90_000;
      for (;;) {
        const { groups } = await admin.describeGroups(['notifier-pair']);
        if (groups[0]?.state === 'Stable' && groups[0].members.length === 2) break;
        if (Date.now() > deadline)
          throw new Error(`group not formed:\n${processes.map((p) => p.output).join('\n---\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const before = { mails: world.smtp.mails.length, sms: world.sms.messages.length };
      const dossiers = [];
      for (let i = 0; i < 24; i++)
        dossiers.push(await world.receive(i % 2 ? APPLICANTS.thinh : APPLICANTS.yen, `delivery-pair-${i}`));
      const codes = new Set(dossiers.map((d) => d.code));
      await world.smtp.waitFor(
        () => world.smtp.mails.filter((m) => codes.has(m.subject.split(' ')[2] ?? '')).length >= 24,
        90_000,
      );
      const smsDeadline = Date.now() + 30_000;
      while (world.sms.messages.length - before.sms < 24 && Date.now() < smsDeadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // anything sent twice would have arrived by now
      const mails = world.smtp.mails.slice(before.mails);
      const sms = world.sms.messages.slice(before.sms);
      // the group is new: the earlier receipts were handled too (their rows exist already: written once, not sent again)
      expect(mails.map((m) => m.subject.split(' ')[2]).sort()).toEqual([...codes].sort());
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(24);
      expect(sms.map((m) => m.reference).sort()).toEqual(dossiers.map((d) => `dossier-${d.id}.1.sms`).sort());
      expect(processes.every((p) => p.handled > 0)).toBe(true);
    } finally {
      await admin.disconnect();
      await messaging.close();
      expect(await Promise.all(processes.map((p) => p.stop()))).toEqual([0, 0]);
    }
  }, 240_000);
});
