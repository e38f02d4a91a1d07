import { formatDate, formatWeekdayDate } from '@app/domain';
import { KafkaMessaging } from '@app/messaging';
import type { Notifier } from '@app/notifier';
import { readWholeTopic } from '../kafka/support/topic-reader';
import { describeKafka } from '../setup/kafka-broker';
import { APPLICANTS } from '../support/personal-data';
import { NotifierWorld } from './support/notifier-fixture';

/**
 * Issue 19 (notifier): receipts and the steps citizens care about, through the app, the relay and Kafka, become
 * Vietnamese e-mails in a real SMTP server on loopback and SMS at a gateway on loopback (a small HTTP server: no SMS
 * provider can run here); once each, whatever Kafka redelivers; nothing for an erased applicant.
 */
describeKafka('citizen notifier: the steps, once each', () => {
  const world = new NotifierWorld();
  let notifier: Notifier;

  beforeAll(async () => {
    await world.start();
    notifier = await world.startNotifier();
  }, 180_000);

  afterAll(async () => {
    await world.stop();
  }, 60_000);

  it('a receipt: an e-mail with the code and the appointment, and an SMS, each with its deterministic id', async () => {
    const d = await world.receive(APPLICANTS.thinh, 'notify-receipt-1');
    const [mail] = (await world.smtp.waitFor((m) => m.some((x) => x.subject.includes(d.code)))).filter((m) =>
      m.subject.includes(d.code),
    );
    expect(mail).toMatchObject({
      to: 'thinh.pham85@example.vn',
      subject: `Hồ sơ ${d.code} đã được tiếp nhận`,
      messageId: `<dossier-${d.id}.1.email@dossier-tracker>`,
    });
    expect(mail?.from).toContain('Bộ phận Một cửa');
    expect(mail?.text).toContain('Kính gửi ông/bà Phạm Đức Thịnh,');
    expect(mail?.text).toContain(`Mã hồ sơ: ${d.code}`);
    expect(mail?.text).toContain('tiếp nhận ngày 01/9/2020');
    expect(mail?.text).toContain(`Ngày hẹn trả kết quả: ${formatWeekdayDate(d.dueDate)}.`);
    await world.settled(notifier);
    const sms = world.sms.messages.filter((m) => m.reference === `dossier-${d.id}.1.sms`);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({
      to: expect.stringMatching(/3821456$/),
      text: `Hồ sơ ${d.code} đã được tiếp nhận ngày 01/9/2020. Hẹn trả kết quả ngày ${formatDate(d.dueDate)}.`,
      idempotencyKey: `dossier-${d.id}.1.sms`,
    });
    expect(await world.notificationsOf(d.id)).toEqual([
      {
        id: `dossier-${d.id}.1.email`,
        kind: 'received',
        channel: 'email',
        status: 'sent',
        skip_reason: null,
        attempts: 1,
      },
      { id: `dossier-${d.id}.1.sms`, kind: 'received', channel: 'sms', status: 'sent', skip_reason: null, attempts: 1 },
    ]);
  }, 90_000);

  it('supplement requested, apology with a new appointment, result ready: one e-mail each, in order', async () => {
    const d = await world.receive(APPLICANTS.yen, 'notify-steps-1');
    await world.act(d.id, 'request-supplement', {
      reason: 'Thiếu giấy tờ chứng minh địa điểm kinh doanh',
      documents: ['Hợp đồng thuê nhà', 'Bản sao Căn cước công dân'],
      at: '2020-09-02T03:00:00Z',
    });
    await world.act(d.id, 'receive-supplement', { at: '2020-09-03T03:00:00Z' });
    const mine = () => world.smtp.mails.filter((m) => m.subject.includes(d.code));
    await world.smtp.waitFor(() => mine().length >= 2);
    const due = await world.dueDate(d.id);
    const later = new Date(Date.parse(`${due}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    await world.act(d.id, 'reschedule', {
      newAppointmentDate: later,
      reason: 'Cần xác minh thêm với cơ quan thuế',
      at: `${due}T03:00:00Z`,
    });
    await world.act(d.id, 'record-result', { outcome: 'approved', at: `${later}T02:00:00Z` });
    await world.smtp.waitFor(() => mine().length >= 4);
    await world.settled(notifier);
    const mails = mine();
    expect(mails.map((m) => m.subject)).toEqual([
      `Hồ sơ ${d.code} đã được tiếp nhận`,
      `Hồ sơ ${d.code} cần bổ sung, hoàn thiện`,
      `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${d.code}`,
      `Hồ sơ ${d.code} đã có kết quả`,
    ]);
    const [, supplement, apology, result] = mails as [unknown, { text: string }, { text: string }, { text: string }];
    expect(supplement.text).toContain('Lý do: Thiếu giấy tờ chứng minh địa điểm kinh doanh');
    expect(supplement.text).toContain('Giấy tờ cần bổ sung:\n1. Hợp đồng thuê nhà\n2. Bản sao Căn cước công dân');
    expect(apology.text).toContain(`chưa được giải quyết xong đúng hẹn ngày ${formatDate(due)}`);
    expect(apology.text).toContain(`Ngày hẹn trả kết quả mới: ${formatWeekdayDate(later)}.`);
    expect(apology.text).toContain('Lý do: Cần xác minh thêm với cơ quan thuế');
    // Yến asked for her result by post
    expect(result.text).toContain('dịch vụ bưu chính công ích');
    expect(mails.every((m) => m.to === 'hoangyen.ton@example.vn')).toBe(true);
    expect(world.sms.messages.filter((m) => m.reference.startsWith(`dossier-${d.id}.`))).toHaveLength(4);
  }, 120_000);

  it('an erased applicant gets no message: the notifications are recorded as skipped', async () => {
    await world.stopNotifier(notifier);
    const d = await world.receive(APPLICANTS.han, 'notify-erased-1');
    await world.erase(d.applicantId as string);
    notifier = await world.startNotifier();
    await world.settled(notifier);
    // the group has handled the receipt: both rows written, both skipped
    const deadline = Date.now() + 30_000;
    while ((await world.notificationsOf(d.id)).some((n) => n.status === 'pending') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await world.notificationsOf(d.id)).toEqual([
      expect.objectContaining({ kind: 'received', channel: 'email', status: 'skipped', skip_reason: 'erased' }),
      expect.objectContaining({ kind: 'received', channel: 'sms', status: 'skipped', skip_reason: 'erased' }),
    ]);
    expect(world.smtp.mails.filter((m) => m.subject.includes(d.code))).toEqual([]);
    expect(world.sms.messages.filter((m) => m.reference.startsWith(`dossier-${d.id}.`))).toEqual([]);
  }, 90_000);

  it('redelivery sends nothing twice: the group read again from offset 0, and every message published again', async () => {
    await world.settled(notifier);
    const mailsBefore = world.smtp.mails.length;
    const smsBefore = world.sms.messages.length;
    expect(mailsBefore).toBeGreaterThanOrEqual(5);
    // a restarted consumer whose offsets were never committed: the group starts from the beginning again
    await world.stopNotifier(notifier);
    const messaging = new KafkaMessaging({ brokers: world.kafka.brokers, clientId: 'notifier-test-admin' });
    const kafkaAdmin = messaging.kafka.admin();
    await kafkaAdmin.connect();
    await kafkaAdmin.resetOffsets({ groupId: 'notifier', topic: world.topic, earliest: true });
    // and the relay publishing the whole topic once more (as after a crash before its checkpoint)
    const everything = await readWholeTopic(messaging.kafka, world.topic);
    const publisher = messaging.publisher();
    await publisher.publish(
      world.topic,
      everything.map((m) => ({
        key: m.key?.toString() ?? '',
        value: m.value ?? Buffer.alloc(0),
        headers: Object.fromEntries(m.headers.map(([k, v]) => [k, v.toString()])),
      })),
    );
    await kafkaAdmin.disconnect();
    notifier = await world.startNotifier();
    await world.settled(notifier);
    const status = notifier.status();
    expect(status.duplicates).toBeGreaterThanOrEqual(everything.length);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(world.smtp.mails.length).toBe(mailsBefore);
    expect(world.sms.messages.length).toBe(smsBefore);
    const ids = world.smtp.mails.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    await publisher.close();
    await messaging.close();
  }, 120_000);
});
