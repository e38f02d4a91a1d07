import { useEffect } from 'react';

/** The name of the performance mark set once the first screen can be used (the first-load test reads it). */
export const INTERACTIVE_MARK = 'desk-interactive';

/** Marks, once per page load, the moment the first usable screen was committed to the DOM with its handlers. */
export function useInteractiveMark(ready = true): void {
  useEffect(() => {
    if (ready && performance.getEntriesByName(INTERACTIVE_MARK).length === 0) performance.mark(INTERACTIVE_MARK);
  }, [ready]);
}
