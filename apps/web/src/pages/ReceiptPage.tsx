import { useEffect, useRef, useState } from 'react';
import { useUnit } from '../app/unit';
import { newIdempotencyKey } from '../receipt/idempotency-key';
import { useProceduresAt } from '../receipt/procedures';
import { ReceiptConfirmation } from '../receipt/ReceiptConfirmation';
import { ReceiptForm } from '../receipt/ReceiptForm';
import type { Saved } from '../receipt/useReceiptSave';
import '../receipt/receipt.css';

/**
 * Tiếp nhận hồ sơ: the counter's receipt of one citizen's dossier. Each form has its own Idempotency-Key, made when
 * it opens and kept through retries; a new one only for the next citizen («Tiếp nhận hồ sơ mới»).
 */
export default function ReceiptPage() {
  const { unitId, unitName } = useUnit();
  const [form, setForm] = useState(() => ({ key: newIdempotencyKey(), saved: null as Saved | null }));
  const procedureRef = useRef<HTMLInputElement>(null);
  const savedRef = useRef<HTMLHeadingElement>(null);
  const procedures = useProceduresAt(unitId);
  const [focus, setFocus] = useState<'none' | 'saved' | 'procedure'>('none');

  useEffect(() => {
    document.title = 'Tiếp nhận hồ sơ — Một cửa';
  }, []);
  useEffect(() => {
    if (focus === 'saved') savedRef.current?.focus();
    if (focus === 'procedure') procedureRef.current?.focus();
  }, [focus, form]);

  return (
    <div className="receipt-page">
      <h1 id="receipt-title">Tiếp nhận hồ sơ</h1>
      {form.saved ? (
        <ReceiptConfirmation
          saved={form.saved}
          procedure={procedures.data?.find((p) => p.code === form.saved?.dossier.procedureCode)}
          headingRef={savedRef}
          onNext={() => {
            setForm({ key: newIdempotencyKey(), saved: null });
            setFocus('procedure');
          }}
        />
      ) : (
        <ReceiptForm
          key={form.key}
          unitId={unitId}
          unitName={unitName(unitId)}
          idempotencyKey={form.key}
          procedureRef={procedureRef}
          onSaved={(saved) => {
            setForm((f) => ({ ...f, saved }));
            setFocus('saved');
          }}
        />
      )}
    </div>
  );
}
