import type { AddressDraft } from './receipt-draft';
import { PART_LABELS } from './receipt-rules';
import { TextField } from './TextField';

interface AddressFieldsProps {
  legend: string;
  /** `applicant.address` or `applicant.returnByPost.deliveryAddress` */
  path: string;
  value: AddressDraft;
  onValue(value: AddressDraft): void;
  errors: Record<string, string>;
  onBlurField(path: string): void;
  required?: boolean;
}

/** Province, commune, street: the three parts the server asks of every address. */
export function AddressFields({ legend, path, value, onValue, errors, onBlurField, required }: AddressFieldsProps) {
  return (
    <fieldset className="address">
      <legend>{legend}</legend>
      <div className="grid-3">
        {(['province', 'locality', 'street'] as const).map((part) => (
          <TextField
            key={part}
            path={`${path}.${part}`}
            label={PART_LABELS[part]}
            value={value[part]}
            onValue={(v) => onValue({ ...value, [part]: v })}
            onBlur={() => onBlurField(`${path}.${part}`)}
            error={errors[`${path}.${part}`]}
            autoComplete="off"
            maxLength={200}
            required={required}
          />
        ))}
      </div>
    </fieldset>
  );
}
