import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, apiResponse } from '../api/client';
import type { DossierView } from '../api/types';
import type { ApplicantRecord, Channel } from './receipt-draft';
import { isRetryable, messageOf } from './server-errors';

/** POST /api/v1/dossiers */
export interface ReceiptBody {
  procedureCode: string;
  receivingUnitId: string;
  channel: Channel;
  applicant: ApplicantRecord;
}

export interface Saved {
  dossier: DossierView;
  replayed: boolean;
  body: ReceiptBody;
}

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  /** `retry`: the request may be sent again as it was (same key: recorded once whatever happened to the first). */
  | { status: 'failed'; message: string; retry: boolean }
  | { status: 'invalid'; error: ApiError };

/**
 * Saves the receipt under the form's one Idempotency-Key: a second submit while one is under way is ignored, and
 * «Thử lại» after a dropped connection sends the very request again, so the server records the dossier once and
 * answers the repeat with `Idempotent-Replayed: true`.
 */
export function useReceiptSave(idempotencyKey: string, onSaved: (saved: Saved) => void) {
  const client = useQueryClient();
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const inFlight = useRef(false);
  const pending = useRef<ReceiptBody | null>(null);

  async function send(body: ReceiptBody): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    pending.current = body;
    setState({ status: 'saving' });
    try {
      const answer = await apiResponse<DossierView>('/api/v1/dossiers', { method: 'POST', body, idempotencyKey });
      pending.current = null;
      setState({ status: 'idle' });
      void client.invalidateQueries({ queryKey: ['work-queue', body.receivingUnitId] });
      onSaved({ dossier: answer.body, replayed: answer.replayed, body });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fields.length > 0) {
        pending.current = null;
        setState({ status: 'invalid', error });
      } else {
        const retry = isRetryable(error) || (error instanceof ApiError && error.code === 'IDEMPOTENCY_KEY_REUSED');
        if (!retry) pending.current = null;
        setState({ status: 'failed', message: messageOf(error), retry });
      }
    } finally {
      inFlight.current = false;
    }
  }

  return {
    state,
    save: send,
    /** The request that failed, sent again as it was. */
    retry: () => (pending.current ? send(pending.current) : Promise.resolve()),
    dismiss: () => setState({ status: 'idle' }),
  };
}
