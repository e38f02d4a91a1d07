import { type Ref } from 'react';
import { Link } from 'wouter';
import { channelLabel } from '../lib/labels';
import { formatDateLong, formatInstant } from '../lib/time';
import type { ProcedureRecord } from './procedures';
import type { Saved } from './useReceiptSave';

interface ReceiptConfirmationProps {
  saved: Saved;
  procedure: ProcedureRecord | undefined;
  headingRef: Ref<HTMLHeadingElement>;
  onNext(): void;
}

export const REPLAYED_MESSAGE = 'Hồ sơ này đã được ghi nhận trước đó (không ghi trùng)';

/** After saving: the dossier's code for the citizen, its due date, the receipt to print, the next citizen. */
export function ReceiptConfirmation({ saved, procedure, headingRef, onNext }: ReceiptConfirmationProps) {
  const { dossier, replayed, body } = saved;
  return (
    <section className="card stack receipt-saved" aria-labelledby="receipt-saved-title">
      <h2 id="receipt-saved-title" ref={headingRef} tabIndex={-1}>
        Đã tiếp nhận hồ sơ
      </h2>
      {replayed && (
        <p className="warn" role="status">
          {REPLAYED_MESSAGE}
        </p>
      )}
      <dl className="saved-facts">
        <div className="saved-code">
          <dt>Mã hồ sơ</dt>
          <dd data-testid="dossier-code">{dossier.code}</dd>
        </div>
        <div>
          <dt>Ngày hẹn trả kết quả</dt>
          <dd data-testid="saved-due-date">{dossier.dueDate ? formatDateLong(dossier.dueDate) : 'Trả kết quả ngay'}</dd>
        </div>
        <div>
          <dt>Thủ tục</dt>
          <dd>
            {dossier.procedureCode}
            {procedure ? ` — ${procedure.name}` : ''}
          </dd>
        </div>
        <div>
          <dt>Người nộp</dt>
          <dd>{body.applicant.fullName}</dd>
        </div>
        <div>
          <dt>Hình thức nộp</dt>
          <dd>{channelLabel(dossier.channel)}</dd>
        </div>
        <div>
          <dt>Thời điểm tiếp nhận</dt>
          <dd>{formatInstant(dossier.receivedAt)}</dd>
        </div>
      </dl>
      <div className="row saved-actions">
        <Link className="button-link primary" href={`/dossiers/${dossier.id}/print/01`}>
          In giấy tiếp nhận (Mẫu 01)
        </Link>
        <Link className="button-link" href={`/dossiers/${dossier.id}`}>
          Xem hồ sơ
        </Link>
        <button type="button" onClick={onNext}>
          Tiếp nhận hồ sơ mới
        </button>
      </div>
    </section>
  );
}
