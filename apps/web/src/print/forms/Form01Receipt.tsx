import { useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { dateWords, instantDateWords, instantWords } from '../vn-date';
import {
  addressText,
  applicantLines,
  BLANK,
  firstOf,
  localDate,
  parentUnit,
  placeName,
  procedureName,
  strings,
  timeLimitText,
  unitName,
} from '../print-data';
import type { DossierFormProps } from './context';
import { DottedLines, FormHeading, FormTitle, Line, Signatures } from './FormParts';

/** The dossier code as a QR code (SVG as a data: URL — the CSP allows img data:, the page runs no inline script). */
function QrCode({ code }: { code: string }) {
  const svg = useQuery({
    queryKey: ['print', 'qr', code],
    queryFn: () => QRCode.toString(code, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' }),
    staleTime: Infinity,
  });
  if (!svg.data) return <div className="form-qr" />;
  return (
    <img
      className="form-qr"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.data)}`}
      alt={`Mã QR của mã hồ sơ ${code}`}
    />
  );
}

/** Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (at receipt; fixes the appointment). */
export function Form01Receipt({ dossier, events, reference }: DossierFormProps) {
  const { units, procedures } = reference;
  const day = localDate(dossier.receivedAt);
  const receipt = firstOf(events, 'DossierReceived');
  const applicant = applicantLines(dossier);
  const documents = strings(receipt?.data.documents);
  const post = applicant.details?.returnByPost?.deliveryAddress;
  const unit = unitName(units, dossier.receivingUnitId, day);
  return (
    <>
      <FormHeading
        governingBody={parentUnit(units, dossier.receivingUnitId, day)?.name}
        unit={unit}
        number="………/TNHS"
        place={placeName(units, dossier.receivingUnitId, day)}
        date={instantDateWords(dossier.receivedAt)}
      />
      <FormTitle
        sub={
          <p className="form-code">
            Mã hồ sơ: <strong>{dossier.code}</strong>
          </p>
        }
      >
        GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ
      </FormTitle>
      <section className="form-body">
        <QrCode code={dossier.code} />
        <Line label="Bộ phận tiếp nhận và trả kết quả">{unit}</Line>
        <Line label="Tiếp nhận hồ sơ của">{applicant.name}</Line>
        <Line label="Địa chỉ">{applicant.address}</Line>
        <p className="form-line">
          Số điện thoại: <span className="form-value">{applicant.phone}</span>
          <span className="form-gap" />
          Email: <span className="form-value">{applicant.email}</span>
        </p>
        <Line label="Nội dung yêu cầu giải quyết">{procedureName(procedures, dossier.procedureCode, day)}</Line>
        <p className="form-line">1. Thành phần hồ sơ nộp gồm:</p>
        {documents.length > 0 ? (
          <ol className="form-list">
            {documents.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ol>
        ) : (
          <DottedLines count={3} />
        )}
        <p className="form-line">2. Số lượng hồ sơ: ……… (bộ)</p>
        <p className="form-line">
          3. Thời gian giải quyết hồ sơ theo quy định là:{' '}
          <span className="form-value">{timeLimitText(receipt?.data.timeLimit)}</span>
        </p>
        <p className="form-line">
          4. Thời gian nhận hồ sơ: <span className="form-value">{instantWords(dossier.receivedAt)}</span>
        </p>
        <p className="form-line">
          5. Thời gian trả kết quả giải quyết hồ sơ:{' '}
          <span className="form-value">
            {dossier.dueDate ? `…… giờ …… phút, ${dateWords(dossier.dueDate)}` : 'trả kết quả ngay khi tiếp nhận'}
          </span>
        </p>
        <p className="form-line">
          6. Đăng ký nhận kết quả tại:{' '}
          <span className="form-value">
            {post
              ? `qua dịch vụ bưu chính công ích, địa chỉ: ${addressText(post) || BLANK}`
              : `Bộ phận tiếp nhận và trả kết quả — ${unit}`}
          </span>
        </p>
        <p className="form-line">Vào Sổ theo dõi hồ sơ, Quyển số: ……… Số thứ tự: ………</p>
      </section>
      <Signatures
        signers={[
          { title: 'NGƯỜI NỘP HỒ SƠ', name: applicant.details ? applicant.name : null },
          { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: receipt?.actorName },
        ]}
      />
    </>
  );
}
