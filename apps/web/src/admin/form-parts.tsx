import type { useFormProblems } from './useForm';

type FormProblems = ReturnType<typeof useFormProblems>;
type TextBinding = { value: string; onChange: (e: { target: { value: string } }) => void };

/**
 * The two dates every reference entry has (an entry ends by its end date, never by deletion). A render helper called
 * in the form's own render, not a component: the form's problems know their fields in render order.
 */
export function validityFields(form: FormProblems, text: (key: 'validFrom' | 'validTo') => TextBinding) {
  return (
    <>
      <div className="field">
        <label htmlFor={form.field('validFrom').id}>Hiệu lực từ ngày</label>
        <input type="date" {...form.field('validFrom')} {...text('validFrom')} />
        {form.error('validFrom')}
      </div>
      <div className="field">
        <label htmlFor={form.field('validTo').id}>
          Hết hiệu lực từ ngày <small className="muted">(để trống: còn hiệu lực)</small>
        </label>
        <input type="date" {...form.field('validTo')} {...text('validTo')} />
        {form.error('validTo')}
      </div>
    </>
  );
}

/** A dialog form's buttons: save (busy while the request runs) and cancel. */
export function dialogActions(busy: boolean, saveLabel: string, onClose: () => void) {
  return (
    <div className="row">
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Đang lưu…' : saveLabel}
      </button>
      <button type="button" onClick={onClose}>
        Huỷ
      </button>
    </div>
  );
}
