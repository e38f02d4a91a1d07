/**
 * given / when / then for deciders, in the style of Emmett's DeciderSpecification (anchors.md §1.5):
 *
 *   const spec = DeciderSpecification.for(decide, evolve, initialDossierState, context);
 *   spec.given([received]).when(recordResult).then([resultRecorded]);
 *   spec.given([received, withdrawn]).when(recordResult).thenThrows('DOSSIER_WITHDRAWN');
 *
 * `decide` may return the events, a `{ ok, events | error }` decision, or throw an error with a `code`. Pure; it
 * asserts with jest's `expect`, so it is for specs only.
 */
type DecideResult<E> =
  readonly E[] | { ok: true; events: E[] } | { ok: false; error: { code: string; message: string } };

type Outcome<E> = { kind: 'events'; events: E[] } | { kind: 'error'; code: string; message: string; error: unknown };

export interface ThenClause<S, E> {
  /** The command produces exactly these events (deep equality), or passes the callback's own assertions. */
  then(expected: readonly E[] | ((events: E[]) => void)): E[];
  /** The command is rejected with this error code (returned or thrown). */
  thenThrows(code: string, check?: (error: { code: string; message: string }) => void): void;
  /** The command is accepted and produces no event. */
  thenNothing(): void;
  /** The state after given + produced events. */
  thenState(check: (state: S) => void): S;
}

export interface WhenClause<S, C, E> {
  when(command: C): ThenClause<S, E>;
  /** The state after the given events. */
  state(): S;
}

export interface DeciderSpec<S, C, E> {
  given(events: readonly E[]): WhenClause<S, C, E>;
}

function run<S, C, E, X>(
  decide: (state: S, command: C, context: X) => DecideResult<E>,
  state: S,
  command: C,
  context: X,
): Outcome<E> {
  let result: DecideResult<E>;
  try {
    result = decide(state, command, context);
  } catch (error) {
    const code =
      typeof error === 'object' && error !== null && 'code' in error
        ? String((error as { code: unknown }).code)
        : '<no code>';
    return { kind: 'error', code, message: error instanceof Error ? error.message : String(error), error };
  }
  if (Array.isArray(result)) return { kind: 'events', events: [...(result as readonly E[])] };
  const decision = result as Exclude<DecideResult<E>, readonly E[]>;
  return decision.ok
    ? { kind: 'events', events: decision.events }
    : { kind: 'error', code: decision.error.code, message: decision.error.message, error: decision.error };
}

function describeOutcome<E>(outcome: Outcome<E>): string {
  return outcome.kind === 'events'
    ? `events ${JSON.stringify(outcome.events)}`
    : `rejection ${outcome.code}: ${outcome.message}`;
}

export const DeciderSpecification = {
  for<S, C, E, X>(
    decide: (state: S, command: C, context: X) => DecideResult<E>,
    evolve: (state: S, event: E) => S,
    initialState: S | (() => S),
    context: X,
  ): DeciderSpec<S, C, E> {
    const start = (): S => (typeof initialState === 'function' ? (initialState as () => S)() : initialState);
    return {
      given(givenEvents) {
        const state = (): S => givenEvents.reduce(evolve, start());
        return {
          state,
          when(command) {
            const before = state();
            const outcome = run(decide, before, command, context);
            const events = (): E[] => {
              if (outcome.kind !== 'events')
                throw new Error(`Expected the command to be accepted, got ${describeOutcome(outcome)}`);
              return outcome.events;
            };
            return {
              then(expected) {
                const produced = events();
                if (typeof expected === 'function') expected(produced);
                else expect(produced).toEqual(expected);
                return produced;
              },
              thenThrows(code, check) {
                if (outcome.kind !== 'error')
                  throw new Error(`Expected rejection ${code}, got ${describeOutcome(outcome)}`);
                expect(outcome.code).toBe(code);
                expect(outcome.message.length).toBeGreaterThan(0);
                check?.({ code: outcome.code, message: outcome.message });
              },
              thenNothing() {
                expect(events()).toEqual([]);
              },
              thenState(check) {
                const after = events().reduce(evolve, before);
                check(after);
                return after;
              },
            };
          },
        };
      },
    };
  },
};
