import type { InputHTMLAttributes, ReactNode } from 'react';
import { fieldId } from './receipt-draft';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id' | 'name'> {
  /** The request's field path (`applicant.phone`): the input's name, and where the server's 400 names it. */
  path: string;
  label: string;
  value: string;
  onValue(value: string): void;
  error?: string;
  hint?: string;
  /** Beside the input (a button). */
  after?: ReactNode;
}

/** A labelled input whose problem is read with it (aria-describedby) and marked (aria-invalid). */
export function TextField({
  path,
  label,
  value,
  onValue,
  error,
  hint,
  after,
  className,
  required,
  ...rest
}: TextFieldProps) {
  const id = fieldId(path);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required"> (bắt buộc)</span>}
      </label>
      <div className={after ? 'field-with-button' : undefined}>
        <input
          id={id}
          name={path}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          required={required}
          {...rest}
        />
        {after}
      </div>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
