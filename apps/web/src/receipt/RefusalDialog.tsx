import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useLocation } from 'wouter';
import { ApiError, apiResponse } from '../api/client';
import type { ApplicantDetails } from '../api/types';
import { keepRefusalForPrint, type ReceiptRefusal } from '../print/refusal-slip';
import { newIdempotencyKey } from './idempotency-key';
import type { Channel } from './receipt-draft';
import { messageOf } from './server-errors';
import './refusal.css';

/** POST /api/v1/receipt-refusals */
export interface RefusalBody {
  procedureCode: string;
  receivingUnitId: string;
  channel: Channel;
  reason: string;
}

const REASON_MAX = 2000;

/**
 * «Từ chối tiếp nhận»: the counter refuses the dossier (Decree 61 Art. 17) and hands the citizen Mẫu 03 with the
 * reason. The refusal is recorded under this dialog's own Idempotency-Key (a double submit or a retry records once),
 * then kept in this tab with the applicant typed so far and printed (/receipt-refusals/<id>/print).
 */
export function RefusalDialog({
  procedure,
  body,
  applicant,
  clerkName,
  onClose,
}: {
  procedure: string;
  body: Omit<RefusalBody, 'reason'>;
  applicant: ApplicantDetails | undefined;
  clerkName: string | undefined;
  onClose(): void;
}) {
  const [, navigate] = useLocation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setMessage('');
    const text = reason.trim();
    if (!text) {
      setProblem('Nhập lý do từ chối tiếp nhận (in trên Mẫu 03).');
      document.getElementById('refusal-reason')?.focus();
      return;
    }
    setProblem('');
    setBusy(true);
    try {
      const answer = await apiResponse<ReceiptRefusal>('/api/v1/receipt-refusals', {
        method: 'POST',
        body: { ...body, reason: text } satisfies RefusalBody,
        idempotencyKey,
      });
      navigate(keepRefusalForPrint({ refusal: answer.body, applicant, clerkName }));
    } catch (error) {
      const onReason = error instanceof ApiError ? error.fields.find((f) => f.field === 'reason') : undefined;
      if (onReason) {
        setProblem(onReason.rule === 'maxLength' ? `Lý do dài tối đa ${REASON_MAX} ký tự.` : messageOf(error));
        document.getElementById('refusal-reason')?.focus();
      } else setMessage(messageOf(error));
      setBusy(false);
    }
  };

  // Ctrl+Enter records from the reason (Enter there is a new line)
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      void submit();
    }
  };

  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="refusal-overlay">
      <Modal className="refusal-modal">
        <Dialog className="refusal-dialog">
          <form
            onSubmit={(e) => {
              e.stopPropagation();
              void submit(e);
            }}
            onKeyDown={onKeyDown}
            noValidate
            className="stack"
          >
            <Heading slot="title">Từ chối tiếp nhận hồ sơ</Heading>
            <p className="muted">
              Thủ tục: {procedure}. Hồ sơ bị từ chối không được tiếp nhận, không có mã hồ sơ; công dân nhận Phiếu từ
              chối tiếp nhận giải quyết hồ sơ (Mẫu 03) ghi rõ lý do.
            </p>
            <label htmlFor="refusal-reason">
              <span>
                Lý do từ chối<span aria-hidden="true"> *</span>
              </span>
              <textarea
                id="refusal-reason"
                name="reason"
                rows={4}
                maxLength={REASON_MAX}
                value={reason}
                autoFocus
                aria-required
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? 'refusal-reason-error' : 'refusal-reason-hint'}
                onChange={(e) => setReason(e.target.value)}
              />
              {problem ? (
                <span id="refusal-reason-error" className="field-error">
                  {problem}
                </span>
              ) : (
                <span id="refusal-reason-hint" className="muted hint">
                  Ctrl+Enter để ghi nhận và in Mẫu 03.
                </span>
              )}
            </label>
            {message && (
              <p className="error" role="alert">
                {message}
              </p>
            )}
            <div className="row refusal-buttons">
              <button type="submit" className="danger" disabled={busy}>
                {busy ? 'Đang ghi nhận…' : 'Từ chối và in Mẫu 03'}
              </button>
              <button type="button" onClick={onClose}>
                Huỷ
              </button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
