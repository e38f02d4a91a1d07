import { formatDate } from '../lib/time';
import { VALIDITY_LABELS, validityState } from './validity';

/** "đang hiệu lực" / "hết hiệu lực" / "chưa có hiệu lực", with the dates. */
export function ValidityCell({ from, to }: { from: string; to: string | null }) {
  const state = validityState(from, to);
  return (
    <>
      <span className={`badge validity-${state}`}>{VALIDITY_LABELS[state]}</span>
      <br />
      <small>
        {formatDate(from)} – {to ? formatDate(to) : 'không thời hạn'}
      </small>
    </>
  );
}

/** Which records to show: those in force today, or every version. */
export function ValidityFilter({ all, onChange }: { all: boolean; onChange: (all: boolean) => void }) {
  return (
    <label className="inline-check">
      <input type="checkbox" checked={all} onChange={(e) => onChange(e.target.checked)} />
      Hiện cả các mục đã hết hiệu lực
    </label>
  );
}
