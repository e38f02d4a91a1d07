import { ACTION_FORMS, type ActionForm, type FormField } from './action-forms';
import type { CatalogueAction } from './queries';

/** The form of an action: the desk's table, named and routed by the API's catalogue when it has the action. */
export function formOf(key: string, catalogue: CatalogueAction[] | undefined): ActionForm | undefined {
  const described = catalogue?.find((a) => a.key === key);
  const own = ACTION_FORMS[key];
  if (!own && !described) return undefined;
  if (!described) return own;
  const known = new Set((own?.fields ?? []).map((f) => f.path ?? f.name));
  // a field the API has and the desk does not know yet (a new optional one): a plain input, named as the API names it
  const extra: FormField[] = described.fields
    .filter((f) => f.name !== 'at' && f.type !== 'object' && !known.has(f.name))
    .map((f) => ({
      name: f.name,
      label: f.name,
      kind: f.format === 'date' ? 'date' : f.type === 'number' || f.type === 'integer' ? 'amount' : 'text',
      required: f.required,
    }));
  const required = new Set(described.fields.filter((f) => f.required).map((f) => f.name));
  const fields = [...(own?.fields ?? []), ...extra].map((f) =>
    required.has(f.path ?? f.name) ? { ...f, required: true } : f,
  );
  return {
    submit: described.label,
    ...own,
    label: described.label,
    path: described.path,
    fields,
  };
}

export type Values = Record<string, string>;
export type Problems = Record<string, string>;

/** Initial values of a form. */
export const initialValues = (form: ActionForm): Values =>
  Object.fromEntries(form.fields.map((f) => [f.name, f.initial ?? '']));

/** Checks what the desk can check itself (required fields, numbers), in Vietnamese. */
export function checkValues(form: ActionForm, values: Values): Problems {
  const problems: Problems = {};
  for (const f of form.fields) {
    const raw = (values[f.name] ?? '').trim();
    if (f.required && raw === '') problems[f.name] = `Cần nhập ${f.label.replace(/\s*\(.*\)$/, '').toLowerCase()}.`;
    else if (f.kind === 'amount' && raw !== '' && !/^\d[\d.\s]*$/.test(raw))
      problems[f.name] = 'Số tiền chỉ gồm chữ số (ví dụ 500.000).';
  }
  if (form.path === 'record-result' && values.outcome === 'refused' && !(values.reason ?? '').trim())
    problems.reason = 'Cần ghi rõ lý do từ chối.';
  return problems;
}

/** The command's body from the form (empty optional fields left out; nested paths like changes.channel). */
export function bodyOf(form: ActionForm, values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of form.fields) {
    const raw = (values[f.name] ?? '').trim();
    if (raw === '') continue;
    const value =
      f.kind === 'amount'
        ? Number(raw.replace(/[.\s]/g, ''))
        : f.kind === 'documents'
          ? raw
              .split('\n')
              .map((line) => line.trim())
              .filter((line) => line !== '')
          : f.kind === 'datetime'
            ? new Date(`${raw}:00+07:00`).toISOString()
            : raw;
    const path = (f.path ?? f.name).split('.');
    let target = body;
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]!] = value;
  }
  if (form.path === 'correct' && !body.changes) body.changes = {};
  return body;
}

/** The field a server's problem names (`changes.channel` → the channel field). */
export function fieldOf(form: ActionForm, serverField: string): string | undefined {
  return form.fields.find((f) => (f.path ?? f.name) === serverField || f.name === serverField)?.name;
}
