import { useState } from 'react';

/** A sha256 shown shortened (first 12 hex digits); the full value in the title and copied by the button. */
export function Hash({ value, label }: { value: string | null | undefined; label: string }) {
  const [copied, setCopied] = useState(false);
  if (!value) return <span className="muted">— (mục đầu tiên)</span>;
  const copy = () =>
    void navigator.clipboard?.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <span className="hash">
      <code title={value} data-hash={value}>
        {value.slice(0, 12)}…
      </code>
      <button type="button" className="copy" onClick={copy} aria-label={`Sao chép ${label}`}>
        {copied ? 'Đã chép' : 'Chép'}
      </button>
    </span>
  );
}
