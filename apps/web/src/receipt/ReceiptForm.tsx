import { type FormEvent, type KeyboardEvent, type Ref, useEffect, useMemo, useRef, useState } from 'react';
import { useSession } from '../api/session';
import { ApplicantFields } from './ApplicantFields';
import { ChannelField } from './ChannelField';
import { DueDatePanel } from './DueDatePanel';
import { ProcedureField } from './ProcedureField';
import { useDueDatePreview, useProceduresAt } from './procedures';
import { FIELD, type ReceiptDraft, emptyDraft, withApplicant } from './receipt-draft';
import { type FieldErrors, applicantOf, draftProblems } from './receipt-rules';
import { messageOf, serverFieldErrors } from './server-errors';
import { useApplicantLookup } from './useApplicantLookup';
import { RefusalDialog } from './RefusalDialog';
import { type Saved, useReceiptSave } from './useReceiptSave';

interface ReceiptFormProps {
  unitId: string;
  unitName: string;
  idempotencyKey: string;
  procedureRef: Ref<HTMLInputElement>;
  onSaved(saved: Saved): void;
}

/** Every field the form shows, by its request path (a server problem on another path goes to the summary). */
const isFormField = (path: string): boolean =>
  path === FIELD.procedureCode || path === FIELD.channel || path.startsWith('applicant.');

/** The receipt: procedure, channel, applicant; Enter (or Ctrl+Enter anywhere) saves. */
export function ReceiptForm({ unitId, unitName, idempotencyKey, procedureRef, onSaved }: ReceiptFormProps) {
  const [draft, setDraft] = useState<ReceiptDraft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string[]>([]);
  const [focusError, setFocusError] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const retryRef = useRef<HTMLButtonElement>(null);
  const procedures = useProceduresAt(unitId);
  const preview = useDueDatePreview(unitId, draft.procedureCode);
  const lookup = useApplicantLookup((record) => setDraft((d) => withApplicant(d, record)));
  const saving = useReceiptSave(idempotencyKey, onSaved);
  const list = useMemo(() => procedures.data ?? [], [procedures.data]);
  const session = useSession();
  const [refusing, setRefusing] = useState(false);

  // a procedure the unit does not receive (the unit was switched) is no longer chosen
  useEffect(() => {
    if (draft.procedureCode && procedures.data && !procedures.data.some((p) => p.code === draft.procedureCode))
      setDraft((d) => ({ ...d, procedureCode: null }));
  }, [procedures.data, draft.procedureCode]);

  // after a refused save the first field in trouble takes the focus (its message is read with it)
  useEffect(() => {
    if (focusError === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.focus();
    else document.getElementById('receipt-summary')?.focus();
  }, [focusError]);

  useEffect(() => {
    if (saving.state.status === 'invalid') {
      const { fields, other } = serverFieldErrors(saving.state.error, isFormField);
      setErrors(fields);
      setSummary([
        other.length > 0 || Object.keys(fields).length === 0
          ? messageOf(saving.state.error)
          : 'Máy chủ chưa nhận hồ sơ: sửa các trường được đánh dấu.',
        ...other,
      ]);
      setFocusError((n) => n + 1);
    } else if (saving.state.status === 'failed') {
      setSummary([saving.state.message]);
      if (saving.state.retry) retryRef.current?.focus();
      else setFocusError((n) => n + 1);
    }
  }, [saving.state]);

  function update(patch: Partial<ReceiptDraft>) {
    setDraft((d) => ({ ...d, ...patch }));
    // a field being corrected loses its mark; the others keep theirs until the next check
    setErrors((e) => {
      const touched = Object.keys(patch).flatMap((k) => pathsOf(k as keyof ReceiptDraft));
      const left = Object.fromEntries(Object.entries(e).filter(([path]) => !touched.some((t) => path.startsWith(t))));
      return Object.keys(left).length === Object.keys(e).length ? e : left;
    });
  }

  /** On leaving a filled field: its own problem, at once. */
  function checkField(path: string) {
    const value = valueAt(draft, path);
    if (!value) return;
    const problem = draftProblems(draft)[path];
    setErrors((e) => {
      if (problem) return { ...e, [path]: problem };
      if (!(path in e)) return e;
      const { [path]: _gone, ...rest } = e;
      void _gone;
      return rest;
    });
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (saving.state.status === 'saving') return;
    const problems = draftProblems(draft);
    setErrors(problems);
    const count = Object.keys(problems).length;
    if (count > 0) {
      setSummary([`Hồ sơ chưa lưu được: ${count} trường cần sửa.`]);
      setFocusError((n) => n + 1);
      return;
    }
    setSummary([]);
    void saving.save({
      procedureCode: draft.procedureCode as string,
      receivingUnitId: unitId,
      channel: draft.channel,
      applicant: applicantOf(draft),
    });
  }

  /** «Từ chối tiếp nhận»: the refusal names the procedure; without one, the procedure field says so. */
  function refuse() {
    if (!draft.procedureCode) {
      setErrors((e) => ({ ...e, [FIELD.procedureCode]: 'Chọn thủ tục của hồ sơ bị từ chối tiếp nhận.' }));
      setFocusError((n) => n + 1);
      return;
    }
    setRefusing(true);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  }

  const busy = saving.state.status === 'saving';
  const failed = saving.state.status === 'failed' ? saving.state : null;
  return (
    <>
      <form
        ref={formRef}
        className="receipt-form stack"
        onSubmit={submit}
        onKeyDown={onKeyDown}
        noValidate
        aria-labelledby="receipt-title"
        aria-busy={busy}
      >
        <section className="card stack" aria-labelledby="receipt-procedure">
          <div className="section-head">
            <h2 id="receipt-procedure">Thủ tục</h2>
            <p className="muted">Đơn vị tiếp nhận: {unitName}</p>
          </div>
          <div className="procedure-row">
            <ProcedureField
              procedures={list}
              selected={draft.procedureCode}
              onSelect={(procedureCode) => update({ procedureCode })}
              error={errors[FIELD.procedureCode]}
              inputRef={procedureRef}
              loading={procedures.isPending}
            />
            <DueDatePanel
              chosen={!!draft.procedureCode}
              preview={draft.procedureCode ? preview.data : undefined}
              pending={!!draft.procedureCode && preview.isFetching && !preview.data}
              error={draft.procedureCode ? preview.error : null}
            />
          </div>
          {procedures.isError && <p className="error">{messageOf(procedures.error)}</p>}
          <ChannelField value={draft.channel} onValue={(channel) => update({ channel })} />
        </section>

        <section className="card" aria-label="Người nộp hồ sơ">
          <ApplicantFields
            draft={draft}
            update={update}
            errors={errors}
            onBlurField={checkField}
            lookup={lookup.state}
            onLookUp={(force) => void lookup.lookUp(draft.idNumber, force)}
          />
        </section>

        <div className="save-bar card">
          <div id="receipt-summary" tabIndex={-1} role="alert" className="save-summary">
            {summary.map((line) => (
              <p key={line} className="error">
                {line}
              </p>
            ))}
          </div>
          <div className="row save-actions">
            <button type="button" className="refuse" onClick={refuse} disabled={busy}>
              Từ chối tiếp nhận
            </button>
            {failed?.retry && (
              <button ref={retryRef} type="button" onClick={() => void saving.retry()} disabled={busy}>
                Thử lại
              </button>
            )}
            <button type="submit" className="primary" disabled={busy} aria-keyshortcuts="Control+Enter">
              {busy ? 'Đang lưu…' : 'Lưu hồ sơ'}
            </button>
            <span className="muted shortcut">Enter hoặc Ctrl+Enter để lưu</span>
          </div>
        </div>
      </form>
      {/* outside the receipt's form: React passes events up its tree, through the dialog's portal too */}
      {refusing && draft.procedureCode && (
        <RefusalDialog
          procedure={procedureLabel(list, draft.procedureCode)}
          body={{ procedureCode: draft.procedureCode, receivingUnitId: unitId, channel: draft.channel }}
          applicant={draft.fullName.trim() ? applicantOf(draft) : undefined}
          clerkName={session.data?.displayName}
          onClose={() => setRefusing(false)}
        />
      )}
    </>
  );
}

const procedureLabel = (list: { code: string; name: string }[], code: string): string => {
  const found = list.find((p) => p.code === code);
  return found ? `${found.code} — ${found.name}` : code;
};

const PATHS: Partial<Record<keyof ReceiptDraft, string[]>> = {
  procedureCode: [FIELD.procedureCode],
  kind: [FIELD.kind, FIELD.idKind, FIELD.fullName],
  fullName: [FIELD.fullName],
  idKind: [FIELD.idKind, FIELD.idNumber],
  idNumber: [FIELD.idNumber],
  dateOfBirth: [FIELD.dateOfBirth],
  phone: [FIELD.phone],
  email: [FIELD.email],
  address: [FIELD.address],
  returnByPost: [FIELD.delivery],
  delivery: [FIELD.delivery],
};
const pathsOf = (key: keyof ReceiptDraft): string[] => PATHS[key] ?? [];

function valueAt(draft: ReceiptDraft, path: string): string {
  const [, a, b] = path.split('.');
  if (path.startsWith(`${FIELD.address}.`)) return draft.address[b as 'province'] ?? '';
  if (path.startsWith(`${FIELD.delivery}.`)) return draft.delivery[path.split('.').pop() as 'province'] ?? '';
  const simple: Record<string, string> = {
    fullName: draft.fullName,
    phone: draft.phone,
    email: draft.email,
    dateOfBirth: draft.dateOfBirth,
    idDocument: draft.idNumber,
  };
  return simple[a ?? ''] ?? '';
}
