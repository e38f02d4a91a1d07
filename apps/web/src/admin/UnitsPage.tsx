import { type FormEvent, useMemo, useState } from 'react';
import { api } from '../api/client';
import { fold } from '../lib/text';
import { formatDate, todayLocal } from '../lib/time';
import { Dialog } from './Dialog';
import { dialogActions, validityFields } from './form-parts';
import { CHANGE_LABELS, LEVEL_LABELS, levelLabel } from './labels';
import { useReferenceChanged, useUnitRecords } from './queries';
import type { EntryChangeView, UnitRecord } from './types';
import { useUnitNames } from './unit-names';
import { useFormProblems } from './useForm';
import { ValidityCell, ValidityFilter } from './ValidityBadge';
import { WholeSetUpload } from './WholeSetUpload';
import { validityState } from './validity';

/** The units' registry: every version with its dates; one version added or changed at a time; a whole file. */
export function UnitsPage() {
  const units = useUnitRecords();
  const { name } = useUnitNames();
  const [all, setAll] = useState(false);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<UnitRecord | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const records = units.data?.records ?? [];
  const shown = useMemo(
    () =>
      records
        .filter((u) => all || validityState(u.validFrom, u.validTo) !== 'ended')
        .filter((u) => !query || fold(`${u.id} ${u.code} ${u.name}`).includes(fold(query)))
        .sort((a, b) => a.id.localeCompare(b.id) || a.validFrom.localeCompare(b.validFrom)),
    [records, all, query],
  );
  return (
    <section className="stack" aria-labelledby="units-title">
      <div className="admin-head">
        <h2 id="units-title">Đơn vị</h2>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          Thêm đơn vị
        </button>
      </div>
      {units.data && <p className="muted">Phiên bản danh mục: {units.data.version}</p>}
      {saved && (
        <p role="status" className="ok">
          {saved}
        </p>
      )}
      <div className="row">
        <label className="admin-filter">
          Tìm theo mã hoặc tên
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <ValidityFilter all={all} onChange={setAll} />
      </div>
      {units.isError && (
        <p role="alert" className="error">
          {units.error.message}
        </p>
      )}
      <table className="admin-table">
        <caption className="muted">
          {shown.length} / {records.length} phiên bản đơn vị
        </caption>
        <thead>
          <tr>
            <th scope="col">Mã (id)</th>
            <th scope="col">Mã định danh</th>
            <th scope="col">Tên đơn vị</th>
            <th scope="col">Cấp · trực thuộc</th>
            <th scope="col">Hiệu lực</th>
            <th scope="col">
              <span className="visually-hidden">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((u) => (
            <tr key={`${u.id}@${u.validFrom}`}>
              <td className="nowrap">{u.id}</td>
              <td className="nowrap">{u.code}</td>
              <td>{u.name}</td>
              <td>
                {levelLabel(u.level)}
                {u.parentId && (
                  <>
                    <br />
                    <small className="muted">{name(u.parentId)}</small>
                  </>
                )}
              </td>
              <td className="nowrap">
                <ValidityCell from={u.validFrom} to={u.validTo} />
              </td>
              <td>
                <button
                  type="button"
                  onClick={() => setEditing(u)}
                  aria-label={`Sửa ${u.id}, phiên bản từ ${formatDate(u.validFrom)}`}
                >
                  Sửa
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <WholeSetUpload kind="units" />
      {editing && (
        <UnitDialog
          record={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(answer) => {
            setEditing(null);
            setSaved(`${CHANGE_LABELS[answer.change]} đơn vị ${answer.key}. Phiên bản danh mục: ${answer.version}.`);
          }}
        />
      )}
    </section>
  );
}

interface Draft {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string;
  validFrom: string;
  validTo: string;
}

function UnitDialog({
  record,
  onClose,
  onSaved,
}: {
  record: UnitRecord | null;
  onClose: () => void;
  onSaved: (answer: EntryChangeView<UnitRecord>) => void;
}) {
  const form = useFormProblems();
  const changed = useReferenceChanged();
  const { inForceToday } = useUnitNames();
  const [d, setD] = useState<Draft>(() => ({
    id: record?.id ?? '',
    code: record?.code ?? '',
    name: record?.name ?? '',
    level: record?.level ?? 'district',
    parentId: record?.parentId ?? '',
    validFrom: record?.validFrom ?? todayLocal(),
    validTo: record?.validTo ?? '',
  }));
  const [busy, setBusy] = useState(false);
  const text = (key: keyof Draft) => ({
    value: d[key],
    onChange: (e: { target: { value: string } }) => setD((prev) => ({ ...prev, [key]: e.target.value })),
  });
  const parents = inForceToday.filter((u) => u.id !== d.id);
  if (record?.parentId && !parents.some((u) => u.id === record.parentId))
    parents.push({ ...record, id: record.parentId, name: record.parentId });

  async function submit(event: FormEvent) {
    event.preventDefault();
    form.clear();
    const id = d.id.trim();
    if (!id) {
      form.set({
        message: 'Thông tin chưa hợp lệ: xem các trường được đánh dấu.',
        fields: { id: 'Bắt buộc, đang để trống.' },
      });
      return;
    }
    setBusy(true);
    try {
      const answer = await api<EntryChangeView<UnitRecord>>(`/api/v1/reference/units/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body: {
          code: d.code,
          name: d.name,
          level: d.level,
          parentId: d.parentId || null,
          validFrom: d.validFrom,
          validTo: d.validTo || null,
        },
      });
      await changed('units');
      onSaved(answer);
    } catch (error) {
      form.fail(error, 'Không lưu được đơn vị.');
      setBusy(false);
    }
  }

  return (
    <Dialog title={record ? `Sửa đơn vị ${record.id}` : 'Thêm đơn vị'} onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        {record && (
          <p className="muted">
            Đổi “Hiệu lực từ ngày” sẽ thêm một phiên bản mới của đơn vị. Muốn kết thúc đơn vị, hãy đặt “Hết hiệu lực từ
            ngày”; đơn vị không bao giờ bị xoá.
          </p>
        )}
        <div className="grid-2">
          <div className="field">
            <label htmlFor={form.field('id').id}>Mã đơn vị (id)</label>
            <input {...form.field('id')} {...text('id')} readOnly={record !== null} autoFocus={!record} />
            {form.error('id')}
          </div>
          <div className="field">
            <label htmlFor={form.field('code').id}>Mã định danh điện tử</label>
            <input {...form.field('code')} {...text('code')} placeholder="000.00.01.H57" />
            {form.error('code')}
          </div>
          <div className="field span-2">
            <label htmlFor={form.field('name').id}>Tên đơn vị</label>
            <input {...form.field('name')} {...text('name')} autoFocus={record !== null} />
            {form.error('name')}
          </div>
          <div className="field">
            <label htmlFor={form.field('level').id}>Cấp</label>
            <input {...form.field('level')} {...text('level')} list="unit-levels" />
            <datalist id="unit-levels">
              {Object.entries(LEVEL_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </datalist>
            {form.error('level')}
          </div>
          <div className="field">
            <label htmlFor={form.field('parentId').id}>Trực thuộc</label>
            <select {...form.field('parentId')} {...text('parentId')}>
              <option value="">— Không trực thuộc đơn vị nào —</option>
              {parents.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
            {form.error('parentId')}
          </div>
          {validityFields(form, text)}
        </div>
        {form.summary()}
        {dialogActions(busy, 'Lưu đơn vị', onClose)}
      </form>
    </Dialog>
  );
}
