import { roleLabel } from '../lib/labels';
import type { FormProblems } from './useForm';
import type { UnitRecord } from './types';
import { EVERY_UNIT, EVERY_UNIT_LABEL, ROLE_OPTIONS } from './validity';

export interface GrantDraft {
  role: string;
  unitId: string;
  validFrom: string;
  validUntil: string;
}

/** Role, unit (those in force, or every unit), from and until: one grant of a form; `prefix` names its fields. */
export function GrantFields({
  value,
  onChange,
  units,
  form,
  prefix = '',
}: {
  value: GrantDraft;
  onChange: (next: GrantDraft) => void;
  units: UnitRecord[];
  form: FormProblems;
  prefix?: string;
}) {
  const name = (field: keyof GrantDraft) => (prefix ? `${prefix}.${field}` : field);
  const set = (field: keyof GrantDraft) => (e: { target: { value: string } }) =>
    onChange({ ...value, [field]: e.target.value });
  return (
    <div className="grant-fields">
      <div className="field">
        <label htmlFor={form.field(name('role')).id}>Vai trò</label>
        <select {...form.field(name('role'))} value={value.role} onChange={set('role')}>
          {ROLE_OPTIONS.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </select>
        {form.error(name('role'))}
      </div>
      <div className="field">
        <label htmlFor={form.field(name('unitId')).id}>Đơn vị</label>
        <select {...form.field(name('unitId'))} value={value.unitId} onChange={set('unitId')}>
          <option value="">— Chọn đơn vị —</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
          <option value={EVERY_UNIT}>{EVERY_UNIT_LABEL}</option>
        </select>
        {form.error(name('unitId'))}
      </div>
      <div className="field">
        <label htmlFor={form.field(name('validFrom')).id}>Hiệu lực từ ngày</label>
        <input type="date" {...form.field(name('validFrom'))} value={value.validFrom} onChange={set('validFrom')} />
        {form.error(name('validFrom'))}
      </div>
      <div className="field">
        <label htmlFor={form.field(name('validUntil')).id}>
          Hết hiệu lực từ ngày <small className="muted">(để trống: không thời hạn)</small>
        </label>
        <input type="date" {...form.field(name('validUntil'))} value={value.validUntil} onChange={set('validUntil')} />
        {form.error(name('validUntil'))}
      </div>
    </div>
  );
}

/** The body of a grant: dates only when given. */
export function grantBody(draft: GrantDraft) {
  return {
    role: draft.role,
    unitId: draft.unitId,
    ...(draft.validFrom ? { validFrom: draft.validFrom } : {}),
    ...(draft.validUntil ? { validUntil: draft.validUntil } : {}),
  };
}
