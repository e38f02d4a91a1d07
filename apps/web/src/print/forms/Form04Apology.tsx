import { dateWords, instantDateWords } from '../vn-date';
import {
  applicantLines,
  dueDateBefore,
  lastOf,
  localDate,
  parentUnit,
  placeName,
  procedureName,
  str,
  unitName,
} from '../print-data';
import type { DossierFormProps } from './context';
import { FormHeading, FormTitle, Signatures } from './FormParts';

/**
 * Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả: from the reschedule (its reason, the appointment it replaces
 * and the new one), issued by the unit that recorded it (the one causing the delay).
 */
export function Form04Apology({ dossier, events, reference }: DossierFormProps) {
  const { units, procedures } = reference;
  const reschedule = lastOf(events, 'DueDateRescheduled');
  if (!reschedule) return <p role="alert">Hồ sơ này chưa được hẹn lại ngày trả kết quả.</p>;
  const unitId = reschedule.unit ?? dossier.competentUnitId;
  const day = localDate(reschedule.occurredAt);
  const unit = unitName(units, unitId, day);
  const receivingUnit = unitName(units, dossier.receivingUnitId, localDate(dossier.receivedAt));
  const applicant = applicantLines(dossier);
  const oldDate = dueDateBefore(events, reschedule.position);
  const newDate = str(reschedule.data.newAppointmentDate) ?? null;
  return (
    <>
      <FormHeading
        governingBody={parentUnit(units, unitId, day)?.name}
        unit={unit}
        number="………"
        place={placeName(units, unitId, day)}
        date={instantDateWords(reschedule.occurredAt)}
      />
      <FormTitle>PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ</FormTitle>
      <section className="form-body">
        <p className="form-address">Kính gửi: {applicant.name}</p>
        <p className="form-para">
          {capitalised(instantDateWords(dossier.receivedAt))}, {receivingUnit} tiếp nhận giải quyết hồ sơ của Ông/Bà/tổ
          chức đề nghị giải quyết thủ tục hành chính:{' '}
          {procedureName(procedures, dossier.procedureCode, localDate(dossier.receivedAt))}.
        </p>
        <p className="form-para">
          Mã hồ sơ: <strong>{dossier.code}</strong>.
        </p>
        <p className="form-para">Thời hẹn trả kết quả giải quyết hồ sơ: {dateWords(oldDate)}.</p>
        <p className="form-para">
          Tuy nhiên đến nay, {unit} chưa trả kết quả giải quyết hồ sơ của Ông/Bà/tổ chức do:{' '}
          {str(reschedule.data.reason) ?? '………………'}.
        </p>
        <p className="form-para">
          Sự chậm trễ này đã gây phiền hà cho Ông/Bà/tổ chức. {unit} xin lỗi Ông/Bà/tổ chức và sẽ trả kết quả giải quyết
          hồ sơ cho Ông/Bà/tổ chức vào <strong>{dateWords(newDate)}</strong>.
        </p>
        <p className="form-para">Xin trân trọng cảm ơn sự hợp tác của Ông/Bà/tổ chức./.</p>
      </section>
      <div className="form-closing">
        <div className="form-recipients">
          <p>
            <strong>
              <em>Nơi nhận:</em>
            </strong>
          </p>
          <p>- Như trên;</p>
          <p>- {receivingUnit};</p>
          <p>- Lưu: VT.</p>
        </div>
        <Signatures signers={[{ title: 'THỦ TRƯỞNG CƠ QUAN', hint: '(Ký, ghi rõ họ tên và đóng dấu)' }]} />
      </div>
    </>
  );
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
