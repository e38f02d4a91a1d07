import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { formatDateLong, todayLocal } from '../lib/time';
import { Dialog } from './Dialog';
import { dialogActions } from './form-parts';
import { CHANGE_LABELS } from './labels';
import { useCalendarYears, useReferenceChanged } from './queries';
import type { CalendarYearRecord, EntryChangeView } from './types';
import { useFormProblems } from './useForm';
import { WholeSetUpload } from './WholeSetUpload';

/** The working-day calendar: one record per year (days off, weekend days worked); one year replaced at a time. */
export function CalendarPage() {
  const calendar = useCalendarYears();
  const [editing, setEditing] = useState<CalendarYearRecord | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const years = [...(calendar.data?.records ?? [])].sort((a, b) => b.year - a.year);
  const thisYear = Number(todayLocal().slice(0, 4));
  return (
    <section className="stack" aria-labelledby="calendar-title">
      <div className="admin-head">
        <h2 id="calendar-title">Lịch làm việc theo năm</h2>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          Thêm năm
        </button>
      </div>
      {calendar.data && <p className="muted">Phiên bản lịch: {calendar.data.version}</p>}
      {saved && (
        <p role="status" className="ok">
          {saved}
        </p>
      )}
      {calendar.isError && (
        <p role="alert" className="error">
          {calendar.error.message}
        </p>
      )}
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">Năm</th>
            <th scope="col">Văn bản công bố</th>
            <th scope="col">Ngày nghỉ lễ, nghỉ bù</th>
            <th scope="col">Ngày cuối tuần làm việc</th>
            <th scope="col">
              <span className="visually-hidden">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.year}>
              <td>
                {y.year}
                {y.year === thisYear && (
                  <>
                    {' '}
                    <span className="badge validity-current">năm nay</span>
                  </>
                )}
              </td>
              <td>{y.notice}</td>
              <td>{y.daysOff.length} ngày</td>
              <td>{y.workingSaturdays.length} ngày</td>
              <td>
                <button type="button" onClick={() => setEditing(y)} aria-label={`Sửa lịch năm ${y.year}`}>
                  Sửa
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <WholeSetUpload kind="calendar" />
      {editing && (
        <YearDialog
          record={editing === 'new' ? null : editing}
          nextYear={(years[0]?.year ?? thisYear) + 1}
          onClose={() => setEditing(null)}
          onSaved={(answer) => {
            setEditing(null);
            setSaved(`${CHANGE_LABELS[answer.change]} lịch năm ${answer.key}. Phiên bản lịch: ${answer.version}.`);
          }}
        />
      )}
    </section>
  );
}

interface DayDraft {
  date: string;
  name: string;
  replaces: string;
}

function YearDialog({
  record,
  nextYear,
  onClose,
  onSaved,
}: {
  record: CalendarYearRecord | null;
  nextYear: number;
  onClose: () => void;
  onSaved: (answer: EntryChangeView<CalendarYearRecord>) => void;
}) {
  const form = useFormProblems();
  const changed = useReferenceChanged();
  const [year, setYear] = useState(String(record?.year ?? nextYear));
  const [notice, setNotice] = useState(record?.notice ?? '');
  const [notes, setNotes] = useState(record?.notes ?? '');
  const [daysOff, setDaysOff] = useState<DayDraft[]>(
    () => record?.daysOff.map((d) => ({ date: d.date, name: d.name, replaces: '' })) ?? [],
  );
  const [worked, setWorked] = useState<DayDraft[]>(
    () => record?.workingSaturdays.map((d) => ({ date: d.date, name: d.name ?? '', replaces: d.replaces ?? '' })) ?? [],
  );
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    form.clear();
    if (!/^\d{4}$/.test(year)) {
      form.set({
        message: 'Thông tin chưa hợp lệ: xem các trường được đánh dấu.',
        fields: { year: 'Năm gồm 4 chữ số, ví dụ 2027.' },
      });
      return;
    }
    setBusy(true);
    try {
      const answer = await api<EntryChangeView<CalendarYearRecord>>(`/api/v1/reference/calendar/${year}`, {
        method: 'PUT',
        body: {
          notice,
          daysOff: daysOff.map((d) => ({ date: d.date, name: d.name })),
          workingSaturdays: worked.map((d) => ({
            date: d.date,
            ...(d.replaces ? { replaces: d.replaces } : {}),
            ...(d.name ? { name: d.name } : {}),
          })),
          ...(notes.trim() ? { notes } : {}),
        },
      });
      await changed('calendar');
      onSaved(answer);
    } catch (error) {
      form.fail(error, 'Không lưu được lịch năm.');
      setBusy(false);
    }
  }

  const dayRows = (
    kind: 'daysOff' | 'workingSaturdays',
    rows: DayDraft[],
    setRows: (rows: DayDraft[]) => void,
    legend: string,
  ) => (
    <fieldset className="stack">
      <legend>{legend}</legend>
      {rows.length === 0 && <p className="muted">Chưa có ngày nào.</p>}
      {rows.map((row, i) => {
        const at = `${kind}[${i}]`;
        const update = (field: keyof DayDraft) => (e: { target: { value: string } }) =>
          setRows(rows.map((r, j) => (j === i ? { ...r, [field]: e.target.value } : r)));
        return (
          <div className="day-row" key={i}>
            <div className="field">
              <label htmlFor={form.field(`${at}.date`).id}>Ngày</label>
              <input type="date" {...form.field(`${at}.date`)} value={row.date} onChange={update('date')} />
              {row.date && <small className="muted">{formatDateLong(row.date)}</small>}
              {form.error(`${at}.date`)}
            </div>
            {kind === 'workingSaturdays' && (
              <div className="field">
                <label htmlFor={form.field(`${at}.replaces`).id}>Làm bù cho ngày</label>
                <input
                  type="date"
                  {...form.field(`${at}.replaces`)}
                  value={row.replaces}
                  onChange={update('replaces')}
                />
                {form.error(`${at}.replaces`)}
              </div>
            )}
            <div className="field grow">
              <label htmlFor={form.field(`${at}.name`).id}>{kind === 'daysOff' ? 'Tên ngày nghỉ' : 'Ghi chú'}</label>
              <input {...form.field(`${at}.name`)} value={row.name} onChange={update('name')} />
              {form.error(`${at}.name`)}
            </div>
            <button
              type="button"
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
              aria-label={`Bỏ dòng ${i + 1}`}
            >
              Bỏ
            </button>
          </div>
        );
      })}
      <div>
        <button type="button" onClick={() => setRows([...rows, { date: '', name: '', replaces: '' }])}>
          Thêm ngày
        </button>
      </div>
    </fieldset>
  );

  return (
    <Dialog title={record ? `Thay lịch năm ${record.year}` : 'Thêm lịch năm'} onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">Lưu sẽ thay toàn bộ lịch của năm này bằng nội dung dưới đây.</p>
        <div className="grid-3">
          <div className="field">
            <label htmlFor={form.field('year').id}>Năm</label>
            <input
              inputMode="numeric"
              {...form.field('year')}
              value={year}
              onChange={(e) => setYear(e.target.value)}
              readOnly={record !== null}
            />
            {form.error('year')}
          </div>
          <div className="field span-2">
            <label htmlFor={form.field('notice').id}>Văn bản công bố</label>
            <input {...form.field('notice')} value={notice} onChange={(e) => setNotice(e.target.value)} autoFocus />
            {form.error('notice')}
          </div>
        </div>
        {dayRows('daysOff', daysOff, setDaysOff, 'Ngày nghỉ lễ, nghỉ bù')}
        {dayRows('workingSaturdays', worked, setWorked, 'Ngày cuối tuần làm việc (làm bù)')}
        <div className="field">
          <label htmlFor={form.field('notes').id}>Ghi chú nguồn</label>
          <textarea {...form.field('notes')} value={notes} onChange={(e) => setNotes(e.target.value)} />
          {form.error('notes')}
        </div>
        {form.summary()}
        {dialogActions(busy, 'Lưu lịch năm', onClose)}
      </form>
    </Dialog>
  );
}
