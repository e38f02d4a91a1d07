import type { ReactNode } from 'react';

/**
 * The parts every form shares, laid out as Decree 30/2020/NĐ-CP sets an administrative document: on the left the
 * governing body and the issuing unit (upper case, the unit in bold, a short rule under it) and the number; on the
 * right the national title and motto (bold, a rule under the motto) and the place and date in italics.
 */
export function FormHeading({
  governingBody,
  unit,
  number,
  place,
  date,
}: {
  governingBody?: string;
  unit: string;
  number?: string;
  place: string;
  date: string;
}) {
  return (
    <header className="form-heading">
      <div className="form-heading-left">
        {governingBody && <p className="form-governing">{governingBody.toUpperCase()}</p>}
        <p className="form-unit">{unit.toUpperCase()}</p>
        <hr className="form-rule short" />
        {number !== undefined && <p className="form-number">Số: {number}</p>}
      </div>
      <div className="form-heading-right">
        <p className="form-nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
        <p className="form-motto">Độc lập - Tự do - Hạnh phúc</p>
        <hr className="form-rule long" />
        <p className="form-date">
          {place}, {date}
        </p>
      </div>
    </header>
  );
}

export function FormTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  return (
    <div className="form-title">
      <h1>{children}</h1>
      {sub}
    </div>
  );
}

/** A labelled line: "Label: value" (the value in regular weight, dotted when empty). */
export function Line({ label, children }: { label: string; children?: ReactNode }) {
  return (
    <p className="form-line">
      {label}: <span className="form-value">{children || '………………………………………'}</span>
    </p>
  );
}

export interface Signer {
  title: string;
  hint?: string;
  name?: string | null;
}

/** The signature blocks side by side: title in bold upper case, the hint in italics, room to sign, the name. */
export function Signatures({ signers }: { signers: Signer[] }) {
  return (
    <div className={`form-signatures n${signers.length}`}>
      {signers.map((s) => (
        <div key={s.title} className="form-signature">
          <p className="form-signature-title">{s.title}</p>
          <p className="form-signature-hint">{s.hint ?? '(Ký và ghi rõ họ tên)'}</p>
          <p className="form-signature-name">{s.name ?? ''}</p>
        </div>
      ))}
    </div>
  );
}

/** Empty dotted lines for the clerk to fill in by hand. */
export function DottedLines({ count }: { count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <p key={i} className="form-dots" aria-hidden="true">
          {'…'.repeat(90)}
        </p>
      ))}
    </>
  );
}
