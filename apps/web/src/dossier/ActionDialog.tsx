import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, apiResponse } from '../api/client';
import type { DossierView } from '../api/types';
import { useUnits } from '../app/unit';
import { todayLocal } from '../lib/time';
import type { ActionForm, FormField } from './action-forms';
import { type Problems, type Values, bodyOf, checkValues, fieldOf, initialValues } from './form-values';

const CHANGED_MEANWHILE =
  'Hồ sơ vừa được người khác cập nhật trong lúc bạn nhập. Hồ sơ đã được tải lại; vui lòng kiểm tra rồi gửi lại.';

/**
 * One action's form in a modal dialog (Esc closes, focus stays inside and returns to the button). It sends the
 * command with If-Match: "<version>" and the form's own Idempotency-Key (one per opened form: a double submit or a
 * retry records once). A refusal shows the domain's Vietnamese sentence here; 412 reloads the dossier.
 */
export function ActionDialog({
  dossier,
  actionKey,
  form,
  onClose,
  onDone,
}: {
  dossier: DossierView;
  actionKey: string;
  form: ActionForm;
  onClose(): void;
  onDone(message: string): void;
}) {
  const client = useQueryClient();
  const [values, setValues] = useState<Values>(() => initialValues(form));
  const [problems, setProblems] = useState<Problems>({});
  const [message, setMessage] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  // the version the clerk saw when opening the form: a change meanwhile answers 412, never silently applies
  const [version, setVersion] = useState(dossier.version);
  const stillAllowed = (dossier.allowedActions ?? []).includes(actionKey);

  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['dossier', dossier.id] }),
      client.invalidateQueries({ queryKey: ['dossier-history', dossier.id] }),
      client.invalidateQueries({ queryKey: ['work-queue'] }),
    ]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = checkValues(form, values);
    setProblems(found);
    setMessage('');
    const first = form.fields.find((f) => found[f.name]);
    if (first) {
      document.getElementById(inputId(first))?.focus();
      return;
    }
    setBusy(true);
    try {
      await apiResponse<DossierView>(`/api/v1/dossiers/${dossier.id}/${form.path}`, {
        method: 'POST',
        body: bodyOf(form, values),
        idempotencyKey,
        ifMatch: `"${version}"`,
      });
      await refresh();
      onDone(`Đã ghi nhận: ${form.label}.`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 412) {
        setMessage(CHANGED_MEANWHILE);
        await refresh();
        const fresh = client.getQueryData<DossierView>(['dossier', dossier.id]);
        if (fresh) setVersion(fresh.version);
      } else {
        const onFields: Problems = {};
        for (const p of error.fields) {
          const name = fieldOf(form, p.field);
          if (name) onFields[name] = p.message?.replace(/^[\w.]+:\s*/, '') || 'Giá trị không hợp lệ.';
        }
        setProblems(onFields);
        setMessage(error.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));
  // Ctrl+Enter submits from a multi-line field too
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };

  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="action-overlay">
      <Modal className="action-modal">
        <Dialog className="action-dialog" data-action={actionKey}>
          <form onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate className="stack">
            <Heading slot="title">{form.label}</Heading>
            <p className="muted">Hồ sơ {dossier.code}</p>
            {form.intro && <p>{form.intro}</p>}
            {form.fields.map((field, index) => (
              <Field
                key={field.name}
                field={field}
                value={values[field.name] ?? ''}
                problem={problems[field.name]}
                autoFocus={index === 0}
                dossier={dossier}
                onChange={(value) => set(field.name, value)}
              />
            ))}
            {!stillAllowed && <p className="warn">Thao tác này không còn được phép với hồ sơ ở trạng thái hiện tại.</p>}
            {message && (
              <p className="error" role="alert">
                {message}
              </p>
            )}
            <div className="row dialog-buttons">
              <button
                type="submit"
                className={form.danger ? 'danger' : 'primary'}
                disabled={busy}
                autoFocus={form.fields.length === 0}
              >
                {busy ? 'Đang ghi nhận…' : form.submit}
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

const inputId = (field: FormField): string => `action-field-${field.name}`;

function Field({
  field,
  value,
  problem,
  autoFocus,
  dossier,
  onChange,
}: {
  field: FormField;
  value: string;
  problem: string | undefined;
  autoFocus: boolean;
  dossier: DossierView;
  onChange(value: string): void;
}) {
  const id = inputId(field);
  const errorId = `${id}-error`;
  const common = {
    id,
    name: field.name,
    autoFocus,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? errorId : undefined,
    'aria-required': field.required || undefined,
  };
  const error = problem && (
    <span id={errorId} className="field-error">
      {problem}
    </span>
  );
  const label = (
    <span>
      {field.label}
      {field.required && <span aria-hidden="true"> *</span>}
    </span>
  );
  if (field.kind === 'radio')
    return (
      <fieldset aria-describedby={problem ? errorId : undefined}>
        <legend>{label}</legend>
        <div className="radio-row">
          {(field.choices ?? []).map(([choice, text], i) => (
            <label key={choice} className="radio">
              <input
                type="radio"
                id={i === 0 ? id : undefined}
                name={field.name}
                value={choice}
                checked={value === choice}
                autoFocus={autoFocus && (value === choice || (value === '' && i === 0))}
                onChange={() => onChange(choice)}
              />
              {text}
            </label>
          ))}
        </div>
        {error}
      </fieldset>
    );
  let input;
  switch (field.kind) {
    case 'reason':
    case 'documents':
      input = (
        <textarea {...common} value={value} rows={3} maxLength={2000} onChange={(e) => onChange(e.target.value)} />
      );
      break;
    case 'date':
      input = <input {...common} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'datetime':
      input = (
        <input
          {...common}
          type="datetime-local"
          value={value}
          max={`${todayLocal()}T23:59`}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'amount':
      input = <input {...common} inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'unit':
      input = (
        <UnitSelect
          common={common}
          value={value}
          exclude={field.name === 'toUnitId' ? dossier.currentUnitId : ''}
          onChange={onChange}
        />
      );
      break;
    case 'choice':
      input = (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">— Không đổi —</option>
          {(field.choices ?? []).map(([choice, text]) => (
            <option key={choice} value={choice}>
              {text}
            </option>
          ))}
        </select>
      );
      break;
    default:
      input = <input {...common} value={value} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <label htmlFor={id}>
      {label}
      {input}
      {error}
    </label>
  );
}

/** The units in force today, but the one the dossier is at. */
function UnitSelect({
  common,
  value,
  exclude,
  onChange,
}: {
  common: Record<string, unknown>;
  value: string;
  exclude: string;
  onChange(value: string): void;
}) {
  const today = todayLocal();
  const units = (useUnits().data ?? []).filter((u) => {
    const from = typeof u.validFrom === 'string' ? u.validFrom : '';
    const to = typeof u.validTo === 'string' ? u.validTo : null;
    return from <= today && (to === null || to > today) && u.id !== exclude;
  });
  return (
    <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">— Chọn đơn vị —</option>
      {units.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </select>
  );
}
