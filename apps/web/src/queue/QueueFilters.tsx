import { type FormEvent, useEffect, useState } from 'react';
import type { FieldProblem } from '../api/client';
import { CHANNEL_LABELS } from '../lib/labels';
import { type FilterName, type QueueView, hasFilters } from './filters';
import { useProcedureCatalogue } from './procedures';

/** The server's sentence for a field, without the leading "field: " it names the parameter by. */
const sentence = (problem: FieldProblem | undefined): string | undefined =>
  problem?.message?.replace(/^[A-Za-z]+:\s*/, '');

/**
 * Procedure, channel, clerk, received between, and the search box. Lists and dates apply at once; the texts (search,
 * clerk) on Enter or "Tìm". Every field is labelled; a refused value is named beside its field.
 */
export function QueueFilters({
  view,
  problems,
  clerks,
  onChange,
}: {
  view: QueueView;
  problems: FieldProblem[];
  clerks: string[];
  onChange(changes: Partial<Record<FilterName, string>>): void;
}) {
  const procedures = useProcedureCatalogue().data ?? [];
  const choices = [...new Map(procedures.map((p) => [p.code, p.name])).entries()].sort((a, b) =>
    a[0].localeCompare(b[0]),
  );
  const [q, setQ] = useState(view.q);
  const [receivedBy, setReceivedBy] = useState(view.receivedBy);
  useEffect(() => setQ(view.q), [view.q]);
  useEffect(() => setReceivedBy(view.receivedBy), [view.receivedBy]);
  const problem = (field: FilterName) => problems.find((p) => p.field === field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q, receivedBy });
  };
  const described = (field: FilterName) => (problem(field) ? `${field}-error` : undefined);
  const error = (field: FilterName) =>
    problem(field) && (
      <span id={`${field}-error`} className="field-error">
        {sentence(problem(field)) ?? 'Giá trị không hợp lệ.'}
      </span>
    );
  return (
    <form className="queue-filters card" role="search" aria-label="Tìm và lọc hồ sơ" onSubmit={submit}>
      <div className="queue-search">
        <label>
          Tìm hồ sơ
          <input
            type="search"
            name="q"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Mã hồ sơ, số giấy tờ, số điện thoại hoặc họ tên"
            aria-invalid={problem('q') ? true : undefined}
            aria-describedby={described('q')}
            autoComplete="off"
          />
          {error('q')}
        </label>
        <button type="submit" className="primary">
          Tìm
        </button>
      </div>
      <div className="queue-filter-fields">
        <label>
          Thủ tục
          <select value={view.procedureCode} onChange={(e) => onChange({ procedureCode: e.target.value })}>
            <option value="">Tất cả thủ tục</option>
            {choices.map(([code, name]) => (
              <option key={code} value={code}>
                {code} — {name}
              </option>
            ))}
          </select>
          {error('procedureCode')}
        </label>
        <label>
          Kênh tiếp nhận
          <select value={view.channel} onChange={(e) => onChange({ channel: e.target.value })}>
            <option value="">Tất cả các kênh</option>
            {Object.entries(CHANNEL_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Người tiếp nhận
          <input
            name="receivedBy"
            value={receivedBy}
            list="queue-clerks"
            onChange={(e) => setReceivedBy(e.target.value)}
            onBlur={() => receivedBy !== view.receivedBy && onChange({ receivedBy })}
            placeholder="Tên đăng nhập"
            autoComplete="off"
          />
          <datalist id="queue-clerks">
            {clerks.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
        <label>
          Tiếp nhận từ ngày
          <input
            type="date"
            value={view.receivedFrom}
            onChange={(e) => onChange({ receivedFrom: e.target.value })}
            aria-invalid={problem('receivedFrom') ? true : undefined}
            aria-describedby={described('receivedFrom')}
          />
          {error('receivedFrom')}
        </label>
        <label>
          Tiếp nhận đến ngày
          <input
            type="date"
            value={view.receivedTo}
            min={view.receivedFrom || undefined}
            onChange={(e) => onChange({ receivedTo: e.target.value })}
            aria-invalid={problem('receivedTo') ? true : undefined}
            aria-describedby={described('receivedTo')}
          />
          {error('receivedTo')}
        </label>
        {hasFilters(view) && (
          <button
            type="button"
            className="queue-clear"
            onClick={() =>
              onChange({ procedureCode: '', channel: '', receivedBy: '', receivedFrom: '', receivedTo: '', q: '' })
            }
          >
            Xoá bộ lọc
          </button>
        )}
      </div>
    </form>
  );
}
