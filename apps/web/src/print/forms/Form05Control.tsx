import { controlSteps } from '../control-steps';
import { dateWords, instantDateWords, instantWords, shortDate, shortInstant } from '../vn-date';
import { applicantLines, localDate, parentUnit, placeName, procedureName, unitName } from '../print-data';
import type { DossierFormProps } from './context';
import { FormHeading, FormTitle, Line } from './FormParts';

/**
 * Mẫu 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ: each step of the dossier's history (handover, supplement,
 * fees, reschedule, result, hand-back) with the unit that gave and the one that received it, the time, the step's
 * due date, the step's result against it (trước hạn / đúng hạn / quá hạn) and remarks.
 */
export function Form05Control({ dossier, events, reference }: DossierFormProps) {
  const { units, procedures } = reference;
  const day = localDate(dossier.receivedAt);
  const applicant = applicantLines(dossier);
  const steps = controlSteps(events, dossier.dueDate);
  const name = (id: string | null, at: string) => (id ? unitName(units, id, localDate(at)) : '');
  const coordinating = [
    ...new Set(steps.flatMap((s) => [s.fromUnitId, s.toUnitId]).filter((id): id is string => !!id)),
  ].filter((id) => id !== dossier.receivingUnitId && id !== dossier.competentUnitId);
  return (
    <>
      <FormHeading
        governingBody={parentUnit(units, dossier.receivingUnitId, day)?.name}
        unit={unitName(units, dossier.receivingUnitId, day)}
        place={placeName(units, dossier.receivingUnitId, day)}
        date={instantDateWords(new Date().toISOString())}
      />
      <FormTitle
        sub={
          <>
            <p className="form-code">
              Mã hồ sơ: <strong>{dossier.code}</strong>
            </p>
            <p className="form-note">(Kèm theo hồ sơ của tổ chức, cá nhân)</p>
          </>
        }
      >
        PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ
      </FormTitle>
      <section className="form-body">
        <Line label="Hồ sơ của">{applicant.name}</Line>
        <Line label="Nội dung yêu cầu giải quyết">{procedureName(procedures, dossier.procedureCode, day)}</Line>
        <Line label="Thời gian nhận hồ sơ">{instantWords(dossier.receivedAt)}</Line>
        <Line label="Thời gian trả kết quả giải quyết hồ sơ">
          {dossier.dueDate ? dateWords(dossier.dueDate) : 'trả kết quả ngay'}
          {dossier.appointmentDate ? ` (hẹn lại: ${dateWords(dossier.appointmentDate)})` : ''}
        </Line>
        <Line label="Cơ quan (bộ phận) giải quyết hồ sơ">{unitName(units, dossier.competentUnitId, day)}</Line>
        <Line label="Cơ quan phối hợp giải quyết hồ sơ">
          {coordinating.map((id) => unitName(units, id, day)).join('; ') || 'không'}
        </Line>
      </section>
      <table className="form-table">
        <caption className="visually-hidden">Các bước giải quyết hồ sơ {dossier.code}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-n">
              TT
            </th>
            <th scope="col" className="col-unit">
              TÊN CƠ QUAN
            </th>
            <th scope="col" className="col-time">
              THỜI GIAN GIAO, NHẬN HỒ SƠ
            </th>
            <th scope="col" className="col-due">
              HẠN XỬ LÝ
            </th>
            <th scope="col" className="col-result">
              KẾT QUẢ GIẢI QUYẾT <span className="form-small">(trước hạn/ đúng hạn/ quá hạn)</span>
            </th>
            <th scope="col" className="col-notes">
              GHI CHÚ
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s, i) => (
            <tr key={s.position}>
              <td className="col-n">{i + 1}</td>
              <td>
                <strong>{s.action}</strong>
                {s.fromUnitId && s.toUnitId ? (
                  <>
                    <br />
                    Giao: {name(s.fromUnitId, s.at)}
                    <br />
                    Nhận: {name(s.toUnitId, s.at)}
                  </>
                ) : (
                  <>
                    <br />
                    {name(s.fromUnitId ?? s.toUnitId, s.at)}
                  </>
                )}
              </td>
              <td>
                {shortInstant(s.at)}
                {s.by && (
                  <>
                    <br />
                    <span className="form-small">{s.by}</span>
                  </>
                )}
              </td>
              <td>{s.due ? shortDate(s.due) : ''}</td>
              <td>{s.result}</td>
              <td>{s.remarks}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
