/**
 * The printed forms of the counter desk (Circular 01/2018/TT-VPCP, Phụ lục: Mẫu 01–05), one per page, drawn on an
 * A4 sheet on screen and printed on A4 (print.css).
 *
 * Which layout: Circular 01/2018/TT-VPCP's. Decree 118/2025/NĐ-CP replaced Decree 61 on 01/07/2025 and Circular
 * 03/2025/TT-VPCP (issued 15/09/2025) set new forms Mẫu 01–07 — same titles for 01–03, Mẫu 04 becomes "Văn bản xin
 * lỗi và đề nghị gia hạn thời gian giải quyết", 05 the stop notice, and the control slip moves to 06. We hold those
 * only from secondary sources (domain-research.md § 1, tagged [S]): their exact wording and the date they apply
 * from are unverified, so the desk prints the verified 2018 layout for every dossier, numbered as the issue and the
 * domain model number them. The circular draws its slips for A5; the desk prints on A4, the paper a counter has.
 *
 * Data: GET /api/v1/dossiers/{id}/history (the dossier view with its applicant revealed, and every event with who
 * recorded it) — one read, one entry in the applicant access log — and the reference units and procedures.
 * A refusal at receipt has no dossier: /receipt-refusals/{id}/print prints it from what the receipt screen kept
 * (refusal-slip.ts).
 */
import { type ReactNode, useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { api, ApiError } from '../api/client';
import type { DossierView, HistoryEntry, Procedure } from '../api/types';
import { useUnits } from '../app/unit';
import { DOSSIER_FORM_TITLES, FORM_TITLES, type FormNumber, isFormNumber } from './forms';
import { applicantLines, lastOf, localDate, procedureName, type Reference, str } from './print-data';
import { refusalForPrint } from './refusal-slip';
import type { DossierFormProps } from './forms/context';
import { Form01Receipt } from './forms/Form01Receipt';
import { Form02Supplement } from './forms/Form02Supplement';
import { Form03Refusal } from './forms/Form03Refusal';
import { Form04Apology } from './forms/Form04Apology';
import { Form05Control } from './forms/Form05Control';
import './print.css';

function useReference(): { reference?: Reference; error?: unknown } {
  const units = useUnits();
  const procedures = useQuery({
    queryKey: ['reference', 'procedures', 'catalogue'],
    queryFn: () => api<{ records: Procedure[] }>('/api/v1/reference/procedures').then((r) => r.records),
    staleTime: 5 * 60_000,
  });
  if (units.error || procedures.error) return { error: units.error ?? procedures.error };
  if (!units.data || !procedures.data) return {};
  return { reference: { units: units.data, procedures: procedures.data } };
}

function Sheet({
  form,
  title = FORM_TITLES[form],
  back,
  backLabel,
  children,
}: {
  form: FormNumber;
  back: string;
  backLabel: string;
  children: ReactNode;
  title?: string;
}) {
  const [, navigate] = useLocation();
  return (
    <div className="print-screen">
      <header className="print-toolbar">
        <button type="button" className="primary" onClick={() => window.print()}>
          In (Ctrl+P)
        </button>
        <button type="button" onClick={() => navigate(back)}>
          {backLabel}
        </button>
        <span className="print-hint">
          Mẫu {form}: {title} — khổ A4
        </span>
      </header>
      <main id="main" className="print-sheet" aria-label={`Mẫu ${form}: ${title}`}>
        {children}
      </main>
    </div>
  );
}

function Message({ children, back, backLabel }: { children: ReactNode; back: string; backLabel: string }) {
  const [, navigate] = useLocation();
  return (
    <main id="main" className="print-message">
      <h1>Không in được biểu mẫu</h1>
      <p role="alert">{children}</p>
      <button type="button" onClick={() => navigate(back)}>
        {backLabel}
      </button>
    </main>
  );
}

const errorText = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'Không tải được dữ liệu. Vui lòng thử lại.';

function DossierForm({ dossierId, form }: { dossierId: string; form: FormNumber }) {
  const back = `/dossiers/${encodeURIComponent(dossierId)}`;
  const history = useQuery({
    // not ['dossier-history', id] itself (the dossier page keeps the events alone there); under it, so that the
    // live updates' invalidation of ['dossier-history', id] refreshes the form too
    queryKey: ['dossier-history', dossierId, 'with-view'],
    queryFn: () =>
      api<{ dossier: DossierView; events: HistoryEntry[] }>(
        `/api/v1/dossiers/${encodeURIComponent(dossierId)}/history`,
      ),
  });
  const { reference, error } = useReference();
  const code = history.data?.dossier.code;
  useEffect(() => {
    if (code) document.title = `Mẫu ${form} — ${code}`;
  }, [form, code]);
  if (history.error || error)
    return (
      <Message back={back} backLabel="Quay lại hồ sơ">
        {errorText(history.error ?? error)}
      </Message>
    );
  if (!history.data || !reference)
    return (
      <p role="status" className="loading">
        Đang tải…
      </p>
    );
  const props: DossierFormProps = { dossier: history.data.dossier, events: history.data.events, reference };
  return (
    <Sheet form={form} title={DOSSIER_FORM_TITLES[form]} back={back} backLabel="Quay lại hồ sơ">
      {form === '01' && <Form01Receipt {...props} />}
      {form === '02' && <Form02Supplement {...props} />}
      {form === '03' && <ResultRefusal {...props} />}
      {form === '04' && <Form04Apology {...props} />}
      {form === '05' && <Form05Control {...props} />}
    </Sheet>
  );
}

/** Mẫu 03 for a dossier: its result must be a refusal (Decree 61 Art. 19(8)). */
function ResultRefusal({ dossier, events, reference }: DossierFormProps) {
  const result = lastOf(events, 'ResultRecorded');
  if (!result || result.data.outcome !== 'refused')
    return <p role="alert">Hồ sơ này không có kết quả từ chối giải quyết.</p>;
  return (
    <Form03Refusal
      reference={reference}
      content={{
        stage: 'result',
        unitId: result.unit ?? dossier.competentUnitId,
        procedureName: procedureName(reference.procedures, dossier.procedureCode, localDate(dossier.receivedAt)),
        reason: str(result.data.reason) ?? '………………',
        at: result.occurredAt,
        applicant: applicantLines(dossier),
        code: dossier.code,
        receivedAt: dossier.receivedAt,
      }}
    />
  );
}

function ReceiptRefusalForm({ refusalId }: { refusalId: string }) {
  const slip = refusalForPrint(refusalId);
  const { reference, error } = useReference();
  useEffect(() => {
    document.title = 'Mẫu 03 — Phiếu từ chối tiếp nhận';
  }, []);
  if (!slip)
    return (
      <Message back="/receipt" backLabel="Quay lại tiếp nhận">
        Phiếu từ chối này không còn trên máy (phiếu chỉ in được trong thẻ trình duyệt đã ghi nhận việc từ chối).
      </Message>
    );
  if (error)
    return (
      <Message back="/receipt" backLabel="Quay lại tiếp nhận">
        {errorText(error)}
      </Message>
    );
  if (!reference)
    return (
      <p role="status" className="loading">
        Đang tải…
      </p>
    );
  const { refusal } = slip;
  return (
    <Sheet form="03" back="/receipt" backLabel="Quay lại tiếp nhận">
      <Form03Refusal
        reference={reference}
        content={{
          stage: 'receipt',
          unitId: refusal.receivingUnitId,
          procedureName: procedureName(reference.procedures, refusal.procedureCode, localDate(refusal.refusedAt)),
          reason: refusal.reason,
          at: refusal.refusedAt,
          applicant: applicantLines(slip.applicant ? { applicant: { applicantId: '', details: slip.applicant } } : {}),
          signerName: slip.clerkName,
        }}
      />
    </Sheet>
  );
}

/**
 * `/dossiers/:id/print/:form` (form 01–05) and `/receipt-refusals/:id/print` (refusalId set, Mẫu 03 of a refusal at
 * receipt). Rendered without the desk's header and navigation.
 */
export default function PrintPage({
  dossierId,
  form,
  refusalId,
}: {
  dossierId: string;
  form: string;
  refusalId?: string;
}) {
  if (refusalId) return <ReceiptRefusalForm refusalId={refusalId} />;
  if (!isFormNumber(form))
    return (
      <Message back={`/dossiers/${encodeURIComponent(dossierId)}`} backLabel="Quay lại hồ sơ">
        Không có biểu mẫu số “{form}”. Các mẫu in được: 01, 02, 03, 04, 05.
      </Message>
    );
  return <DossierForm dossierId={dossierId} form={form} />;
}
