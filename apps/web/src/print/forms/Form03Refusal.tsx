import { instantDateWords, instantWords } from '../vn-date';
import { type ApplicantLines, parentUnit, placeName, unitName, type Reference, localDate } from '../print-data';
import { FormHeading, FormTitle, Line, Signatures } from './FormParts';

/** What a refusal slip says, whether the refusal came at receipt or as the result after appraisal. */
export interface RefusalContent {
  /** 'receipt': refused at the counter (no dossier); 'result': the competent unit's refusal after appraisal. */
  stage: 'receipt' | 'result';
  unitId: string;
  procedureName: string;
  reason: string;
  at: string;
  applicant: ApplicantLines;
  /** Who signs (the clerk at receipt). */
  signerName?: string | null;
  code?: string;
  receivedAt?: string;
}

/**
 * Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ (Decree 61 Art. 17: refused at receipt, with the reasons).
 * A refusal after appraisal (Art. 19(8)) must also be a written notice with the reasons, issued within the time
 * limit and entered as the result; the law names no other form for it, so the same layout is printed, titled
 * "Phiếu từ chối giải quyết hồ sơ", with the dossier code and signed by the head of the competent unit.
 */
export function Form03Refusal({ content, reference }: { content: RefusalContent; reference: Reference }) {
  const { units } = reference;
  const day = localDate(content.at);
  const unit = unitName(units, content.unitId, day);
  const atReceipt = content.stage === 'receipt';
  return (
    <>
      <FormHeading
        governingBody={parentUnit(units, content.unitId, day)?.name}
        unit={unit}
        number="………/TCHS"
        place={placeName(units, content.unitId, day)}
        date={instantDateWords(content.at)}
      />
      <FormTitle
        sub={
          content.code ? (
            <p className="form-code">
              Mã hồ sơ: <strong>{content.code}</strong>
            </p>
          ) : undefined
        }
      >
        {atReceipt ? 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' : 'PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ'}
      </FormTitle>
      <section className="form-body">
        <Line label={atReceipt ? 'Bộ phận tiếp nhận và trả kết quả' : 'Cơ quan giải quyết hồ sơ'}>{unit}</Line>
        <Line label="Tiếp nhận hồ sơ của">{content.applicant.name}</Line>
        <Line label="Địa chỉ">{content.applicant.address}</Line>
        <p className="form-line">
          Số điện thoại: <span className="form-value">{content.applicant.phone}</span>
          <span className="form-gap" />
          Email: <span className="form-value">{content.applicant.email}</span>
        </p>
        <Line label="Nội dung yêu cầu giải quyết">{content.procedureName}</Line>
        <Line label="Thời gian nhận hồ sơ">{instantWords(content.receivedAt ?? content.at)}</Line>
        <p className="form-line">
          Sau khi xem xét, đối chiếu hồ sơ với quy định hiện hành, {unit} thông báo{' '}
          {atReceipt ? 'không tiếp nhận, giải quyết' : 'không giải quyết'} hồ sơ này với lý do cụ thể như sau:
        </p>
        <p className="form-reason">{content.reason}</p>
        <p className="form-line">Xin thông báo để Ông/Bà được biết và thực hiện./.</p>
      </section>
      <Signatures
        signers={[
          atReceipt
            ? { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: content.signerName }
            : { title: 'THỦ TRƯỞNG CƠ QUAN', hint: '(Ký, ghi rõ họ tên và đóng dấu)', name: null },
        ]}
      />
    </>
  );
}
