import type { Addressee } from './message';
import { renderNotification } from './render';

const citizen: Addressee = { kind: 'citizen', fullName: 'Tôn Nữ Hoàng Yến', returnByPost: false };
const organisation: Addressee = { kind: 'organisation', fullName: 'Hợp tác xã Hương Thủy', returnByPost: true };

describe('notification templates (Vietnamese e-mail and SMS)', () => {
  it('receipt: the dossier code, the receipt date and the appointment with its weekday', () => {
    const m = renderNotification(
      {
        kind: 'received',
        code: 'H57.22-200901-0001',
        procedureCode: 'H-HKD-01',
        receivedOn: '2020-09-01',
        dueDate: '2020-09-04',
      },
      citizen,
    );
    expect(m.subject).toBe('Hồ sơ H57.22-200901-0001 đã được tiếp nhận');
    expect(m.text).toBe(
      [
        'Kính gửi ông/bà Tôn Nữ Hoàng Yến,',
        '',
        'Hồ sơ của ông/bà đã được tiếp nhận ngày 01/9/2020.',
        '',
        'Mã hồ sơ: H57.22-200901-0001',
        'Thủ tục: H-HKD-01',
        'Ngày hẹn trả kết quả: Thứ Sáu, ngày 04/9/2020.',
        '',
        'Ông/bà dùng mã hồ sơ trên để tra cứu tình trạng giải quyết hồ sơ.',
        '',
        'Trân trọng,',
        'Bộ phận Tiếp nhận và Trả kết quả',
        '',
        'Thư này được gửi tự động, xin đừng trả lời thư này.',
        '',
      ].join('\n'),
    );
    expect(m.sms).toBe('Hồ sơ H57.22-200901-0001 đã được tiếp nhận ngày 01/9/2020. Hẹn trả kết quả ngày 04/9/2020.');
  });

  it('receipt of an immediate procedure: no appointment', () => {
    const m = renderNotification(
      { kind: 'received', code: 'X-210205-0002', procedureCode: 'P', receivedOn: '2021-02-05', dueDate: null },
      organisation,
    );
    expect(m.text).toContain('Kính gửi Hợp tác xã Hương Thủy,');
    expect(m.text).toContain('Hồ sơ của quý cơ quan, tổ chức đã được tiếp nhận ngày 05/02/2021.');
    expect(m.text).toContain('không có ngày hẹn trả kết quả');
    expect(m.sms).toBe('Hồ sơ X-210205-0002 đã được tiếp nhận ngày 05/02/2021.');
  });

  it('supplement requested: the reason and the numbered missing documents', () => {
    const m = renderNotification(
      {
        kind: 'supplement-requested',
        code: 'C-1',
        requestedOn: '2020-06-10',
        reason: 'Thiếu bản sao giấy tờ',
        documents: ['Bản sao Căn cước công dân', 'Giấy xác nhận cư trú'],
      },
      citizen,
    );
    expect(m.subject).toBe('Hồ sơ C-1 cần bổ sung, hoàn thiện');
    expect(m.text).toContain('Ngày 10/6/2020, cơ quan giải quyết đề nghị ông/bà bổ sung, hoàn thiện hồ sơ C-1.');
    expect(m.text).toContain('Lý do: Thiếu bản sao giấy tờ');
    expect(m.text).toContain('Giấy tờ cần bổ sung:\n1. Bản sao Căn cước công dân\n2. Giấy xác nhận cư trú');
    expect(m.sms).toBe(
      'Hồ sơ C-1 cần bổ sung: Bản sao Căn cước công dân; Giấy xác nhận cư trú. Lý do: Thiếu bản sao giấy tờ.',
    );
    const none = renderNotification(
      { kind: 'supplement-requested', code: 'C-1', requestedOn: '2020-06-10', reason: 'Sai mẫu đơn', documents: [] },
      citizen,
    );
    expect(none.text).not.toContain('Giấy tờ cần bổ sung');
    expect(none.sms).toBe('Hồ sơ C-1 cần bổ sung, hoàn thiện. Lý do: Sai mẫu đơn.');
  });

  it('result ready: at the counter, or by post when the applicant asked for it; a refusal says so', () => {
    const counter = renderNotification({ kind: 'result-ready', code: 'C-2', outcome: 'approved' }, citizen);
    expect(counter.subject).toBe('Hồ sơ C-2 đã có kết quả');
    expect(counter.text).toContain('Hồ sơ C-2 đã được giải quyết xong.');
    expect(counter.text).toContain('Mời ông/bà đến Bộ phận Tiếp nhận và Trả kết quả');
    expect(counter.sms).toBe('Hồ sơ C-2 đã có kết quả. Mời nhận tại Bộ phận Tiếp nhận và Trả kết quả.');
    const post = renderNotification({ kind: 'result-ready', code: 'C-2', outcome: 'refused' }, organisation);
    expect(post.text).toContain('hồ sơ không được chấp thuận');
    expect(post.text).toContain('dịch vụ bưu chính công ích');
    expect(post.sms).toContain('bưu điện');
  });

  it('rescheduled: the apology, the reason, the missed and the new appointment', () => {
    const m = renderNotification(
      {
        kind: 'rescheduled',
        code: 'C-3',
        previousDueDate: '2020-09-04',
        newAppointmentDate: '2020-09-11',
        reason: 'Cần xác minh thêm với cơ quan liên quan',
      },
      citizen,
    );
    expect(m.subject).toBe('Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ C-3');
    expect(m.text).toContain('Hồ sơ C-3 chưa được giải quyết xong đúng hẹn ngày 04/9/2020.');
    expect(m.text).toContain('thành thật xin lỗi ông/bà');
    expect(m.text).toContain('Lý do: Cần xác minh thêm với cơ quan liên quan');
    expect(m.text).toContain('Ngày hẹn trả kết quả mới: Thứ Sáu, ngày 11/9/2020.');
    expect(m.sms).toBe('Xin lỗi ông/bà: hồ sơ C-3 chậm trả kết quả. Hẹn lại ngày 11/9/2020.');
  });

  it('texts are NFC (precomposed diacritics) and every SMS is short', () => {
    const all = [
      renderNotification({ kind: 'result-ready', code: 'H57.22-200901-0001', outcome: 'approved' }, citizen),
      renderNotification(
        {
          kind: 'rescheduled',
          code: 'H57.22-200901-0001',
          previousDueDate: null,
          newAppointmentDate: '2026-12-31',
          reason: 'r',
        },
        citizen,
      ),
    ];
    for (const m of all) {
      for (const t of [m.subject, m.text, m.sms]) expect(t).toBe(t.normalize('NFC'));
      expect(m.sms.length).toBeLessThanOrEqual(160);
    }
  });
});
