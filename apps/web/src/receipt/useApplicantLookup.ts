import { useRef, useState } from 'react';
import { ApiError, api } from '../api/client';
import type { ApplicantKind, ApplicantRecord } from './receipt-draft';
import { messageOf } from './server-errors';

export type LookupState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'found'; kind: ApplicantKind }
  | { status: 'not-found' }
  | { status: 'failed'; message: string };

export const LOOKUP_MESSAGES = {
  searching: 'Đang tìm thông tin người nộp…',
  foundCitizen: 'Đã điền thông tin của công dân đã nộp hồ sơ trước đây',
  foundOrganisation: 'Đã điền thông tin của tổ chức đã nộp hồ sơ trước đây',
  notFound: 'Chưa có thông tin công dân này; vui lòng nhập.',
};

/**
 * A returning applicant by their ID number (GET /api/v1/applicants/lookup): found, their details go into the form;
 * unknown, the clerk types them. The same number is asked once (a second blur does not ask again).
 */
export function useApplicantLookup(onFound: (record: ApplicantRecord) => void) {
  const [state, setState] = useState<LookupState>({ status: 'idle' });
  const asked = useRef<string | null>(null);
  const latest = useRef(0);

  async function lookUp(idNumber: string, force: boolean): Promise<void> {
    const number = idNumber.replace(/\s+/g, '').toUpperCase();
    if (!number || (!force && asked.current === number)) return;
    asked.current = number;
    const ticket = ++latest.current;
    setState({ status: 'searching' });
    try {
      const found = await api<ApplicantRecord & { applicantId: string }>(
        `/api/v1/applicants/lookup?idNumber=${encodeURIComponent(number)}`,
      );
      if (ticket !== latest.current) return;
      const { applicantId, ...record } = found;
      void applicantId;
      onFound(record);
      setState({ status: 'found', kind: record.kind });
    } catch (error) {
      if (ticket !== latest.current) return;
      if (error instanceof ApiError && error.status === 404) setState({ status: 'not-found' });
      else {
        asked.current = null;
        setState({ status: 'failed', message: messageOf(error) });
      }
    }
  }

  return { state, lookUp, reset: () => setState({ status: 'idle' }) };
}
