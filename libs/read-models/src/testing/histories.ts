import fc from 'fast-check';
import {
  type DossierEvent,
  type DossierState,
  HUE_2020_UNITS,
  decide,
  dossierStreamId,
  evolve,
  hue2020ProcedureCatalogue,
  receiptRefusalStreamId,
} from '@app/domain';
import { context } from '@app/domain/testing';
import { type DossierScript, dossierScriptArb, runScript } from '@app/domain/testing';

/**
 * Random valid histories for the read-model property tests: the domain's own script generator (receipts, refusals,
 * every lifecycle command, channel / receipt-time / result-time corrections), plus corrections of the receiving
 * unit and of the procedure (which move a dossier's counters to another unit or procedure) — all through decide.
 */
export interface GeneratedHistory {
  streamId: string;
  dossierId: string | null;
  events: DossierEvent[];
}

export interface HistoryScript {
  script: DossierScript;
  extra: { at: number; unit?: number; procedure?: number } | null;
}

export function historyScriptArb(from = '2020-01-01', days = 365): fc.Arbitrary<HistoryScript> {
  const extra = fc.option(
    fc.record({
      at: fc.nat(20),
      unit: fc.option(fc.nat(100), { nil: undefined }),
      procedure: fc.option(fc.nat(100), { nil: undefined }),
    }),
    { nil: null },
  );
  return fc.record({ script: dossierScriptArb(from, days), extra });
}

/** Runs a script as dossier `prefix-index`; the extra correction is inserted after `at` events when decide accepts it. */
export function runHistory(history: HistoryScript, index: number, prefix: string): GeneratedHistory {
  const run = runScript(history.script, index);
  const rename = (events: DossierEvent[]): DossierEvent[] =>
    events.map((e) =>
      e.type === 'DossierReceived'
        ? ({ ...e, data: { ...e.data, dossierId: `${prefix}-${index}` } } as DossierEvent)
        : e,
    );
  let events = rename(run.events);
  const extra = history.extra;
  if (extra && events[0]?.type === 'DossierReceived' && (extra.unit !== undefined || extra.procedure !== undefined)) {
    const cut = Math.min(events.length, 1 + (extra.at % events.length));
    const state: DossierState = events.slice(0, cut).reduce(evolve, { status: 'none' } as DossierState);
    const last = events[cut - 1] as DossierEvent;
    const at = new Date(Date.parse(last.data.occurredAt) + 60_000).toISOString();
    const next = events[cut];
    if (state.status !== 'none' && state.status !== 'refused_at_receipt' && (!next || next.data.occurredAt >= at)) {
      const unit = extra.unit !== undefined ? HUE_2020_UNITS[extra.unit % HUE_2020_UNITS.length] : undefined;
      const procedures = hue2020ProcedureCatalogue().proceduresAt(state.dossier.receivedAt.slice(0, 10));
      const procedure = extra.procedure !== undefined ? procedures[extra.procedure % procedures.length] : undefined;
      const decision = decide(
        state,
        {
          type: 'CorrectEntry',
          changes: { ...(unit ? { receivingUnitId: unit.id } : {}), ...(procedure ? { procedure } : {}) },
          reason: 'Nhập sai',
          at,
        },
        context,
      );
      if (decision.ok) events = [...events.slice(0, cut), ...decision.events, ...events.slice(cut)];
    }
  }
  const first = events[0];
  const streamId =
    first?.type === 'DossierReceived'
      ? dossierStreamId(`${prefix}-${index}`)
      : receiptRefusalStreamId(`${prefix}-${index}`);
  return { streamId, dossierId: first?.type === 'DossierReceived' ? `${prefix}-${index}` : null, events };
}
