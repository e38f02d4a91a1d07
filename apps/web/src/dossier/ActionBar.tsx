import { useRef, useState } from 'react';
import type { DossierView } from '../api/types';
import { ActionDialog } from './ActionDialog';
import { formOf } from './form-values';
import type { CatalogueAction } from './queries';

/**
 * The actions the dossier offers now: exactly its allowedActions (the API derives them from the decider's
 * transitions and the user's roles), each a button opening its form.
 */
export function ActionBar({ dossier, catalogue }: { dossier: DossierView; catalogue: CatalogueAction[] | undefined }) {
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const actions = (dossier.allowedActions ?? [])
    .map((key) => ({ key, form: formOf(key, catalogue) }))
    .filter((a): a is { key: string; form: NonNullable<typeof a.form> } => a.form !== undefined);
  // kept open when a live change removes the action meanwhile: the form then says so (and the server refuses)
  const openForm = open ? { key: open, form: formOf(open, catalogue) } : undefined;
  return (
    <section aria-labelledby="actions-title" className="dossier-actions card">
      <h2 id="actions-title" ref={heading} tabIndex={-1}>
        Thao tác
      </h2>
      <p role="status" className="ok">
        {done}
      </p>
      {actions.length === 0 ? (
        <p className="muted">Không có thao tác nào được phép với hồ sơ ở trạng thái này.</p>
      ) : (
        <ul className="action-buttons">
          {actions.map(({ key, form }) => (
            <li key={key}>
              <button
                type="button"
                className={form.danger ? 'action danger-outline' : 'action'}
                data-action={key}
                onClick={() => {
                  setDone('');
                  setOpen(key);
                }}
              >
                {form.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {openForm?.form && (
        <ActionDialog
          key={openForm.key}
          dossier={dossier}
          actionKey={openForm.key}
          form={openForm.form}
          onClose={() => setOpen(null)}
          onDone={(message) => {
            setOpen(null);
            setDone(message);
            // the button may be gone (the action is no longer allowed): the focus goes to the actions' heading
            window.setTimeout(() => heading.current?.focus(), 0);
          }}
        />
      )}
    </section>
  );
}
