import { instantDateWords, instantWords } from '../vn-date';
import {
  applicantLines,
  eventsOf,
  localDate,
  parentUnit,
  placeName,
  procedureName,
  str,
  strings,
  unitName,
} from '../print-data';
import type { DossierFormProps } from './context';
import { DottedLines, FormHeading, FormTitle, Line, Signatures } from './FormParts';

/** Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: the last supplement request (its reason, documents, date). */
export function Form02Supplement({ dossier, events, reference }: DossierFormProps) {
  const { units, procedures } = reference;
  const requests = eventsOf(events, 'SupplementRequested');
  const request = requests.at(-1);
  if (!request) return <p role="alert">Hồ sơ này chưa có yêu cầu bổ sung, hoàn thiện nào.</p>;
  const unitId = request.unit ?? dossier.currentUnitId;
  const day = localDate(request.occurredAt);
  const applicant = applicantLines(dossier);
  const documents = strings(request.data.documents);
  const unit = unitName(units, unitId, day);
  return (
    <>
      <FormHeading
        governingBody={parentUnit(units, unitId, day)?.name}
        unit={unit}
        number="………/HDHS"
        place={placeName(units, unitId, day)}
        date={instantDateWords(request.occurredAt)}
      />
      <FormTitle
        sub={
          <>
            <p className="form-code">
              Mã hồ sơ: <strong>{dossier.code}</strong>
            </p>
            {requests.length > 1 && <p className="form-note">(Lần thứ {requests.length})</p>}
          </>
        }
      >
        PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ
      </FormTitle>
      <section className="form-body">
        <Line label="Hồ sơ của">{applicant.name}</Line>
        <Line label="Nội dung yêu cầu giải quyết">
          {procedureName(procedures, dossier.procedureCode, localDate(dossier.receivedAt))}
        </Line>
        <Line label="Địa chỉ">{applicant.address}</Line>
        <p className="form-line">
          Số điện thoại: <span className="form-value">{applicant.phone}</span>
          <span className="form-gap" />
          Email: <span className="form-value">{applicant.email}</span>
        </p>
        <Line label="Thời gian nhận hồ sơ">{instantWords(dossier.receivedAt)}</Line>
        <p className="form-line">Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:</p>
        {documents.length > 0 ? (
          <ol className="form-list">
            {documents.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ol>
        ) : (
          <DottedLines count={3} />
        )}
        <Line label="Lý do">{str(request.data.reason)}</Line>
        <Line label="Thời gian yêu cầu bổ sung">{instantWords(request.occurredAt)}</Line>
        <p className="form-line">
          Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với{' '}
          {request.actorName ? `ông/bà ${request.actorName}` : '………………'}, {unit} để được hướng dẫn./.
        </p>
      </section>
      <Signatures signers={[{ title: 'NGƯỜI HƯỚNG DẪN', name: request.actorName }]} />
    </>
  );
}
