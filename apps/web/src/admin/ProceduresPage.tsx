import { type FormEvent, useMemo, useState } from 'react';
import { api } from '../api/client';
import { fold } from '../lib/text';
import { formatDate, todayLocal } from '../lib/time';
import { Dialog } from './Dialog';
import { dialogActions, validityFields } from './form-parts';
import {
  CHANGE_LABELS,
  LEVEL_LABELS,
  levelLabel,
  ONLINE_LEVEL_LABELS,
  TIME_LIMIT_UNITS,
  timeLimitText,
} from './labels';
import { useProcedureRecords, useReferenceChanged } from './queries';
import type { EntryChangeView, ProcedureRecord, TimeLimit } from './types';
import { useFormProblems } from './useForm';
import { ValidityCell, ValidityFilter } from './ValidityBadge';
import { WholeSetUpload } from './WholeSetUpload';
import { validityState } from './validity';

/** The procedures' catalogue: every version with its dates; one version added or changed at a time; a whole file. */
export function ProceduresPage() {
  const procedures = useProcedureRecords();
  const [all, setAll] = useState(false);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<ProcedureRecord | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const records = procedures.data?.records ?? [];
  const shown = useMemo(
    () =>
      records
        .filter((p) => all || validityState(p.validFrom, p.validTo) !== 'ended')
        .filter((p) => !query || fold(`${p.code} ${p.name} ${p.field ?? ''}`).includes(fold(query)))
        .sort((a, b) => a.code.localeCompare(b.code) || a.validFrom.localeCompare(b.validFrom)),
    [records, all, query],
  );
  return (
    <section className="stack" aria-labelledby="procedures-title">
      <div className="admin-head">
        <h2 id="procedures-title">Thủ tục hành chính</h2>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          Thêm thủ tục
        </button>
      </div>
      {procedures.data && <p className="muted">Phiên bản danh mục: {procedures.data.version}</p>}
      {saved && (
        <p role="status" className="ok">
          {saved}
        </p>
      )}
      <div className="row">
        <label className="admin-filter">
          Tìm theo mã, tên hoặc lĩnh vực
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <ValidityFilter all={all} onChange={setAll} />
      </div>
      {procedures.isError && (
        <p role="alert" className="error">
          {procedures.error.message}
        </p>
      )}
      <table className="admin-table">
        <caption className="muted">
          {shown.length} / {records.length} phiên bản thủ tục
        </caption>
        <thead>
          <tr>
            <th scope="col">Mã</th>
            <th scope="col">Tên thủ tục</th>
            <th scope="col">Cấp · lĩnh vực</th>
            <th scope="col">Thời hạn</th>
            <th scope="col">Hiệu lực</th>
            <th scope="col">
              <span className="visually-hidden">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <tr key={`${p.code}@${p.validFrom}`}>
              <td className="nowrap">{p.code}</td>
              <td>
                {p.name}
                <br />
                <small className="muted">
                  {[p.oneStop && 'Một cửa', p.interconnected && 'Liên thông', ONLINE_LEVEL_LABELS[p.onlineLevel]]
                    .filter(Boolean)
                    .join(' · ')}
                </small>
              </td>
              <td>
                {levelLabel(p.level)}
                {p.field && (
                  <>
                    <br />
                    <small className="muted">{p.field}</small>
                  </>
                )}
              </td>
              <td className="nowrap">{timeLimitText(p.timeLimit)}</td>
              <td className="nowrap">
                <ValidityCell from={p.validFrom} to={p.validTo} />
              </td>
              <td>
                <button
                  type="button"
                  onClick={() => setEditing(p)}
                  aria-label={`Sửa ${p.code}, phiên bản từ ${formatDate(p.validFrom)}`}
                >
                  Sửa
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <WholeSetUpload kind="procedures" />
      {editing && (
        <ProcedureDialog
          record={editing === 'new' ? null : editing}
          levels={[...new Set([...Object.keys(LEVEL_LABELS), ...records.map((r) => r.level)])]}
          onClose={() => setEditing(null)}
          onSaved={(answer) => {
            setEditing(null);
            setSaved(`${CHANGE_LABELS[answer.change]} thủ tục ${answer.key}. Phiên bản danh mục: ${answer.version}.`);
          }}
        />
      )}
    </section>
  );
}

interface Draft {
  code: string;
  name: string;
  level: string;
  field: string;
  unit: TimeLimit['unit'];
  amount: string;
  oneStop: boolean;
  interconnected: boolean;
  onlineLevel: ProcedureRecord['onlineLevel'];
  legalBasis: string;
  validFrom: string;
  validTo: string;
}

const draftOf = (p: ProcedureRecord | null): Draft => ({
  code: p?.code ?? '',
  name: p?.name ?? '',
  level: p?.level ?? 'province',
  field: p?.field ?? '',
  unit: p?.timeLimit.unit ?? 'working_days',
  amount: p?.timeLimit.amount !== undefined ? String(p.timeLimit.amount) : '',
  oneStop: p?.oneStop ?? true,
  interconnected: p?.interconnected ?? false,
  onlineLevel: p?.onlineLevel ?? 'none',
  legalBasis: p?.legalBasis ?? '',
  validFrom: p?.validFrom ?? todayLocal(),
  validTo: p?.validTo ?? '',
});

/** The record as the API reads it: numbers as numbers, blanks left out, no end date as null. */
function bodyOf(d: Draft) {
  return {
    name: d.name,
    level: d.level,
    ...(d.field.trim() ? { field: d.field } : {}),
    timeLimit:
      d.unit === 'immediate' ? { unit: d.unit } : { unit: d.unit, amount: d.amount === '' ? '' : Number(d.amount) },
    oneStop: d.oneStop,
    interconnected: d.interconnected,
    onlineLevel: d.onlineLevel,
    ...(d.legalBasis.trim() ? { legalBasis: d.legalBasis } : {}),
    validFrom: d.validFrom,
    validTo: d.validTo || null,
  };
}

function ProcedureDialog({
  record,
  levels,
  onClose,
  onSaved,
}: {
  record: ProcedureRecord | null;
  levels: string[];
  onClose: () => void;
  onSaved: (answer: EntryChangeView<ProcedureRecord>) => void;
}) {
  const form = useFormProblems();
  const changed = useReferenceChanged();
  const [d, setD] = useState<Draft>(() => draftOf(record));
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setD((prev) => ({ ...prev, [key]: value }));
  const text = (key: keyof Draft) => ({
    value: d[key] as string,
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value as never),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    form.clear();
    const code = d.code.trim();
    if (!code) {
      form.set({
        message: 'Thông tin chưa hợp lệ: xem các trường được đánh dấu.',
        fields: { code: 'Bắt buộc, đang để trống.' },
      });
      return;
    }
    setBusy(true);
    try {
      const answer = await api<EntryChangeView<ProcedureRecord>>(
        `/api/v1/reference/procedures/${encodeURIComponent(code)}`,
        { method: 'PUT', body: bodyOf(d) },
      );
      await changed('procedures');
      onSaved(answer);
    } catch (error) {
      form.fail(error, 'Không lưu được thủ tục.');
      setBusy(false);
    }
  }

  return (
    <Dialog title={record ? `Sửa thủ tục ${record.code}` : 'Thêm thủ tục'} onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        {record && (
          <p className="muted">
            Sửa phiên bản có hiệu lực từ ngày đã chọn. Đổi “Hiệu lực từ ngày” sẽ thêm một phiên bản mới (không được
            chồng lấn thời gian với phiên bản khác). Muốn kết thúc thủ tục, hãy đặt “Hết hiệu lực từ ngày”.
          </p>
        )}
        <div className="grid-3">
          <div className="field">
            <label htmlFor={form.field('code').id}>Mã thủ tục</label>
            <input {...form.field('code')} {...text('code')} readOnly={record !== null} autoFocus={!record} />
            {form.error('code')}
          </div>
          <div className="field span-2">
            <label htmlFor={form.field('name').id}>Tên thủ tục</label>
            <input {...form.field('name')} {...text('name')} autoFocus={record !== null} />
            {form.error('name')}
          </div>
          <div className="field">
            <label htmlFor={form.field('level').id}>Cấp giải quyết</label>
            <input {...form.field('level')} {...text('level')} list="procedure-levels" />
            <datalist id="procedure-levels">
              {levels.map((l) => (
                <option key={l} value={l}>
                  {levelLabel(l)}
                </option>
              ))}
            </datalist>
            {form.error('level')}
          </div>
          <div className="field span-2">
            <label htmlFor={form.field('field').id}>Lĩnh vực</label>
            <input {...form.field('field')} {...text('field')} />
            {form.error('field')}
          </div>
          <div className="field">
            <label htmlFor={form.field('timeLimit.unit').id}>Loại thời hạn</label>
            <select
              {...form.field('timeLimit.unit')}
              value={d.unit}
              onChange={(e) => set('unit')(e.target.value as TimeLimit['unit'])}
            >
              {Object.entries(TIME_LIMIT_UNITS).map(([value, label]) => (
                <option key={value} value={value}>
                  {value === 'immediate' ? label : `Tính theo ${label}`}
                </option>
              ))}
            </select>
            {form.error('timeLimit.unit')}
          </div>
          <div className="field">
            <label htmlFor={form.field('timeLimit.amount').id}>Thời hạn giải quyết</label>
            <input
              type="number"
              min={1}
              inputMode="numeric"
              {...form.field('timeLimit.amount')}
              {...text('amount')}
              disabled={d.unit === 'immediate'}
            />
            {form.error('timeLimit.amount')}
          </div>
          <div className="field">
            <label htmlFor={form.field('onlineLevel').id}>Mức dịch vụ công trực tuyến</label>
            <select
              {...form.field('onlineLevel')}
              value={d.onlineLevel}
              onChange={(e) => set('onlineLevel')(e.target.value as ProcedureRecord['onlineLevel'])}
            >
              {Object.entries(ONLINE_LEVEL_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            {form.error('onlineLevel')}
          </div>
          <label className="inline-check">
            <input
              type="checkbox"
              {...form.field('oneStop')}
              checked={d.oneStop}
              onChange={(e) => set('oneStop')(e.target.checked)}
            />
            Tiếp nhận qua Bộ phận Một cửa
          </label>
          <label className="inline-check">
            <input
              type="checkbox"
              {...form.field('interconnected')}
              checked={d.interconnected}
              onChange={(e) => set('interconnected')(e.target.checked)}
            />
            Thủ tục liên thông
          </label>
          <span />
          <div className="field span-3">
            <label htmlFor={form.field('legalBasis').id}>Căn cứ pháp lý</label>
            <input {...form.field('legalBasis')} {...text('legalBasis')} />
            {form.error('legalBasis')}
          </div>
          {validityFields(form, text)}
        </div>
        {form.summary()}
        {dialogActions(busy, 'Lưu thủ tục', onClose)}
      </form>
    </Dialog>
  );
}
