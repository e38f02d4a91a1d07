import { AddressFields } from './AddressFields';
import { type ApplicantKind, FIELD, type IdDocumentKind, type ReceiptDraft, fieldId } from './receipt-draft';
import type { FieldErrors } from './receipt-rules';
import { TextField } from './TextField';
import { LOOKUP_MESSAGES, type LookupState } from './useApplicantLookup';

export const ID_KIND_LABELS: Record<IdDocumentKind, string> = {
  cccd: 'Căn cước / Căn cước công dân (12 số)',
  cmnd: 'Chứng minh nhân dân (9 hoặc 12 số)',
  passport: 'Hộ chiếu',
  tax_code: 'Mã số thuế',
};

const KIND_LABELS: Record<ApplicantKind, string> = { citizen: 'Công dân', organisation: 'Tổ chức' };

interface ApplicantFieldsProps {
  draft: ReceiptDraft;
  update(patch: Partial<ReceiptDraft>): void;
  errors: FieldErrors;
  onBlurField(path: string): void;
  lookup: LookupState;
  onLookUp(force: boolean): void;
}

function LookupMessage({ lookup }: { lookup: LookupState }) {
  const text =
    lookup.status === 'searching'
      ? LOOKUP_MESSAGES.searching
      : lookup.status === 'found'
        ? lookup.kind === 'organisation'
          ? LOOKUP_MESSAGES.foundOrganisation
          : LOOKUP_MESSAGES.foundCitizen
        : lookup.status === 'not-found'
          ? LOOKUP_MESSAGES.notFound
          : lookup.status === 'failed'
            ? lookup.message
            : '';
  const tone = lookup.status === 'found' ? 'ok' : lookup.status === 'failed' ? 'error' : 'muted';
  return (
    <div className="lookup-line">
      <p role="status" className={`lookup-message ${tone}`}>
        {text}
      </p>
      {lookup.status === 'idle' && (
        <p className="hint">«Tìm», hoặc rời ô khi đủ 12 số CCCD: điền sẵn thông tin người đã nộp hồ sơ trước đây.</p>
      )}
    </div>
  );
}

/** Who files the dossier: a citizen or an organisation, their document, how to reach them, where the result goes. */
export function ApplicantFields({ draft, update, errors, onBlurField, lookup, onLookUp }: ApplicantFieldsProps) {
  const citizen = draft.kind === 'citizen';
  const idError = errors[FIELD.idKind];
  return (
    <fieldset className="applicant stack">
      <legend>Người nộp hồ sơ</legend>
      <div className="applicant-row id-row">
        <fieldset className="radio-group">
          <legend>Loại người nộp</legend>
          <div className="radio-row">
            {(['citizen', 'organisation'] as const).map((kind) => (
              <label key={kind} className="radio">
                <input
                  type="radio"
                  name={FIELD.kind}
                  value={kind}
                  checked={draft.kind === kind}
                  onChange={() =>
                    update({
                      kind,
                      idKind:
                        kind === 'organisation' ? 'tax_code' : draft.idKind === 'tax_code' ? 'cccd' : draft.idKind,
                    })
                  }
                />
                {KIND_LABELS[kind]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={fieldId(FIELD.idKind)}>Loại giấy tờ</label>
          <select
            id={fieldId(FIELD.idKind)}
            name={FIELD.idKind}
            value={draft.idKind}
            onChange={(e) => update({ idKind: e.target.value as IdDocumentKind })}
            aria-invalid={idError ? true : undefined}
            aria-describedby={idError ? `${fieldId(FIELD.idKind)}-error` : undefined}
          >
            {(Object.keys(ID_KIND_LABELS) as IdDocumentKind[])
              .filter((k) => citizen || k === 'tax_code')
              .map((k) => (
                <option key={k} value={k}>
                  {ID_KIND_LABELS[k]}
                </option>
              ))}
          </select>
          {idError && (
            <span id={`${fieldId(FIELD.idKind)}-error`} className="field-error">
              {idError}
            </span>
          )}
        </div>
        <TextField
          className="id-number"
          path={FIELD.idNumber}
          label={citizen ? 'Số giấy tờ' : 'Mã số thuế'}
          value={draft.idNumber}
          onValue={(idNumber) => update({ idNumber })}
          onBlur={() => {
            onBlurField(FIELD.idNumber);
            if (draft.idKind === 'cccd' && /^\d{12}$/.test(draft.idNumber.replace(/\s+/g, ''))) onLookUp(false);
          }}
          error={errors[FIELD.idNumber]}
          inputMode={draft.idKind === 'passport' ? 'text' : 'numeric'}
          autoComplete="off"
          maxLength={20}
          required
          after={
            <button type="button" onClick={() => onLookUp(true)}>
              Tìm
            </button>
          }
        />
      </div>
      <LookupMessage lookup={lookup} />
      <div className={`applicant-row person-row${citizen ? '' : ' organisation'}`}>
        <TextField
          path={FIELD.fullName}
          label={citizen ? 'Họ và tên' : 'Tên tổ chức'}
          value={draft.fullName}
          onValue={(fullName) => update({ fullName })}
          onBlur={() => onBlurField(FIELD.fullName)}
          error={errors[FIELD.fullName]}
          autoComplete="off"
          maxLength={200}
          required
        />
        {citizen && (
          <TextField
            path={FIELD.dateOfBirth}
            label="Ngày sinh"
            type="date"
            value={draft.dateOfBirth}
            onValue={(dateOfBirth) => update({ dateOfBirth })}
            onBlur={() => onBlurField(FIELD.dateOfBirth)}
            error={errors[FIELD.dateOfBirth]}
            min="1900-01-01"
            autoComplete="off"
          />
        )}
        <TextField
          path={FIELD.phone}
          label="Số điện thoại"
          type="tel"
          value={draft.phone}
          onValue={(phone) => update({ phone })}
          onBlur={() => onBlurField(FIELD.phone)}
          error={errors[FIELD.phone]}
          inputMode="tel"
          autoComplete="off"
          maxLength={20}
        />
        <TextField
          path={FIELD.email}
          label="Thư điện tử"
          type="email"
          value={draft.email}
          onValue={(email) => update({ email })}
          onBlur={() => onBlurField(FIELD.email)}
          error={errors[FIELD.email]}
          autoComplete="off"
          maxLength={254}
        />
      </div>
      <AddressFields
        legend={citizen ? 'Địa chỉ liên hệ' : 'Địa chỉ trụ sở'}
        path={FIELD.address}
        value={draft.address}
        onValue={(address) => update({ address })}
        errors={errors}
        onBlurField={onBlurField}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          name="applicant.returnByPost"
          checked={draft.returnByPost}
          onChange={(e) =>
            update({
              returnByPost: e.target.checked,
              delivery:
                e.target.checked && !draft.delivery.province && !draft.delivery.locality && !draft.delivery.street
                  ? { ...draft.address }
                  : draft.delivery,
            })
          }
        />
        Nhận kết quả qua dịch vụ bưu chính công ích
      </label>
      {draft.returnByPost && (
        <AddressFields
          legend="Địa chỉ nhận kết quả"
          path={FIELD.delivery}
          value={draft.delivery}
          onValue={(delivery) => update({ delivery })}
          errors={errors}
          onBlurField={onBlurField}
          required
        />
      )}
    </fieldset>
  );
}
