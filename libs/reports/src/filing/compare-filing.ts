import { type DossierRecord, type Figures, addFigures, dossierIdOf, emptyFigures } from '@app/domain';
import { type Checkpoint, type EventStore, compareCheckpoints } from '@app/event-store';
import type { FiguresService } from '../figures/figures.service';
import { type DossierMove, type LineMembership, dossierMove } from './dossier-moves';
import { type FigureCounts, FIGURE_KEYS, FIGURE_LABELS, countsOf } from './figure-keys';
import { type FiledReport, summaryOf } from './filed-report';
import type { DossierContribution, FilingComparison, LineComparison } from './filing-comparison';

const TOTAL = '\u0000total';

interface Line {
  kind: string;
  key: string;
  subject: string;
  units: readonly string[];
}

/**
 * "Filed versus now": the filing's figures beside the read models' now (same period, same units, same lines), and
 * for every figure that differs the dossiers that moved and the events recorded after the filing's position that
 * moved them. Only the log between the two positions is read, and the streams of the dossiers it touches.
 */
export async function compareFiling(
  deps: { figures: FiguresService; store: EventStore; concurrency?: number; now?: () => Date },
  filing: FiledReport,
): Promise<FilingComparison> {
  const started = Date.now();
  const { period } = filing;
  const units = filing.scope.unitsInScope;
  const inScope = new Set(units);
  const byProcedure = filing.groupBy === 'procedure';
  const current = await deps.figures.figuresAtReadModelPosition({
    period,
    units,
    by: byProcedure ? 'procedure' : 'unit',
  });
  const lines: Line[] = filing.figures.groups.map((g) => ({
    kind: g.kind,
    key: g.key,
    subject: g.subject,
    units: g.units,
  }));
  if (byProcedure)
    for (const code of [...current.figures.keys()].sort())
      if (!lines.some((l) => l.key === code)) lines.push({ kind: 'procedure', key: code, subject: code, units });
  const membership: LineMembership = (record: DossierRecord) => {
    if (!inScope.has(record.receivingUnitId)) return [];
    const keys = byProcedure
      ? [record.procedureCode]
      : lines.filter((l) => l.units.includes(record.receivingUnitId)).map((l) => l.key);
    return [...keys, TOTAL];
  };

  const filed: Checkpoint = {
    transactionId: filing.position.transactionId,
    globalPosition: filing.position.globalPosition,
  };
  const { touched, events } = await streamsTouched(deps.store, filed, current.checkpoint);
  const moves = await inBatches([...touched], deps.concurrency ?? 16, async (streamId) =>
    dossierMove(
      dossierIdOf(streamId) as string,
      await deps.store.readStream(streamId),
      { filed, now: current.checkpoint },
      period,
      membership,
    ),
  );
  const moved = moves.filter((m): m is DossierMove => m !== null);

  const nowOf = (line: Line): Figures =>
    byProcedure
      ? (current.figures.get(line.key) ?? emptyFigures())
      : line.units.reduce((sum, u) => addFigures(sum, current.figures.get(u) ?? emptyFigures()), emptyFigures());
  const filedOf = (key: string): Figures => filing.figures.groups.find((g) => g.key === key)?.figures ?? emptyFigures();
  const groups = lines.map((line) => compareLine(line, countsOf(filedOf(line.key)), countsOf(nowOf(line)), moved));
  const nowTotal = lines.reduce((sum, line) => addFigures(sum, nowOf(line)), emptyFigures());
  const total = compareLine(
    { kind: 'total', key: TOTAL, subject: 'Tổng cộng', units },
    countsOf(filing.figures.total),
    countsOf(nowTotal),
    moved,
  );
  return {
    filing: summaryOf(filing),
    now: {
      ...current.checkpoint,
      generation: current.generation,
      comparedAt: (deps.now?.() ?? new Date()).toISOString(),
    },
    filedAt: filing.position,
    eventsAfterFiling: events,
    dossiersTouched: touched.size,
    dossiersMoved: moved.length,
    groups,
    total: { ...total, key: 'total' },
    seconds: (Date.now() - started) / 1000,
  };
}

function compareLine(
  line: Line,
  filed: FigureCounts,
  now: FigureCounts,
  moved: readonly DossierMove[],
): LineComparison {
  const figures = FIGURE_KEYS.map((figure) => {
    const dossiers: DossierContribution[] = [];
    for (const move of moved) {
      const entry = move.lines.get(line.key);
      const change = entry?.change[figure] ?? 0;
      if (change === 0) continue;
      dossiers.push({
        dossierId: move.dossierId,
        code: move.code,
        change,
        events: entry?.events.get(figure) ?? [],
      });
    }
    dossiers.sort((a, b) => (a.code ?? a.dossierId).localeCompare(b.code ?? b.dossierId));
    const difference = now[figure] - filed[figure];
    const explained = dossiers.reduce((sum, d) => sum + d.change, 0);
    return {
      figure,
      label: FIGURE_LABELS[figure],
      filed: filed[figure],
      now: now[figure],
      difference,
      dossiers,
      unexplained: difference - explained,
    };
  });
  return { kind: line.kind, key: line.key, subject: line.subject, figures };
}

/** The dossier streams with events after `from` up to `to` (inclusive), and how many events that is. */
async function streamsTouched(
  store: EventStore,
  from: Checkpoint,
  to: Checkpoint,
): Promise<{ touched: Set<string>; events: number }> {
  const touched = new Set<string>();
  let events = 0;
  let after = from;
  if (compareCheckpoints(to, from) <= 0) return { touched, events };
  for (;;) {
    const page = await store.readAllPayloads({ after, limit: 10_000 });
    if (page.events.length === 0) break;
    for (const event of page.events) {
      if (compareCheckpoints(event, to) > 0) return { touched, events };
      events++;
      if (dossierIdOf(event.streamId) !== null) touched.add(event.streamId);
    }
    after = page.checkpoint;
  }
  return { touched, events };
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}
