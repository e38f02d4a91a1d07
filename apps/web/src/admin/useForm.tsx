import { useId, useRef, useState } from 'react';
import { type Problems, problemsOf } from './problems';

/**
 * A form's refusal: the sentence on top (role=alert) and each field's message beside it, tied to the input by
 * aria-describedby / aria-invalid. Field errors the form has no input for are listed with the sentence.
 */
export function useFormProblems() {
  const prefix = useId();
  const [problems, setProblems] = useState<Problems>({ fields: {} });
  const known = useRef(new Set<string>());
  known.current = new Set();
  const idOf = (name: string) => `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return {
    problems,
    clear: () => setProblems({ fields: {} }),
    fail: (error: unknown, fallback = 'Không lưu được. Vui lòng thử lại.') => setProblems(problemsOf(error, fallback)),
    set: (next: Problems) => setProblems(next),
    /** Props of the input named `name` (its id, its error's description). */
    field: (name: string) => {
      known.current.add(name);
      const error = problems.fields[name];
      return {
        id: idOf(name),
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? `${idOf(name)}-error` : undefined,
      };
    },
    /** The message under the input named `name`, if any. */
    error: (name: string) =>
      problems.fields[name] ? (
        <span id={`${idOf(name)}-error`} className="field-error">
          {problems.fields[name]}
        </span>
      ) : null,
    /** The sentence on top of the form, with the field errors that have no input of their own. */
    summary: () => {
      if (!problems.message) return null;
      const others = Object.entries(problems.fields).filter(([name]) => !known.current.has(name));
      return (
        <div role="alert" className="form-problem">
          <p className="error">{problems.message}</p>
          {others.length > 0 && (
            <ul>
              {others.map(([name, message]) => (
                <li key={name}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      );
    },
  };
}

export type FormProblems = ReturnType<typeof useFormProblems>;
