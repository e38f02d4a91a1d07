import type { Queryable } from '@app/event-store';
import { selectColumn } from '../schema/dossier-table';
import type { QueueFilters, QueueKey, QueueRow, QueueSelection } from './queue-selection';

/**
 * The unit's work queue from the dossier rows of the active generation (the view read_models.dossiers): a page of a
 * list, and the counts of several lists under the same filters. Each list is one range of the generation's partial
 * queue indexes — (current_unit_id | receiving_unit_id, status, due_date, code), covering the filtered columns
 * (read-models/004) — read in its order, so a page costs its own rows plus the filters' misses and a count is an
 * index-only scan, whatever the size of the table.
 */

const PAGE_COLUMNS = (
  [
    'dossier_id',
    'code',
    'status',
    'procedure_code',
    'channel',
    'receiving_unit_id',
    'current_unit_id',
    'received_at',
    'received_by',
    'due_date',
    'appointment_date',
  ] as const
)
  .map(selectColumn)
  .join(', ');

/** Positional parameters, added as the statement is written. */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/** A status as a literal: the planner proves a partial index's predicate from literals, not from parameters. */
function statusLiteral(status: string): string {
  if (!/^[a-z_]+$/.test(status)) throw new RangeError(`Not a dossier status: ${status}`);
  return `'${status}'`;
}

function selectionSql(p: Parameters, unitId: string, s: QueueSelection): string {
  const parts = [`d.${s.unitColumn} = ${p.add(unitId)}`, `d.status = ${statusLiteral(s.status)}`];
  if (s.dueFrom !== undefined) parts.push(`d.due_date >= ${p.add(s.dueFrom, '::date')}`);
  if (s.dueTo !== undefined) parts.push(`d.due_date <= ${p.add(s.dueTo, '::date')}`);
  return parts.join(' AND ');
}

function filtersSql(p: Parameters, f: QueueFilters): string[] {
  const parts: string[] = [];
  if (f.procedureCode !== undefined) parts.push(`d.procedure_code = ${p.add(f.procedureCode)}`);
  if (f.channel !== undefined) parts.push(`d.channel = ${p.add(f.channel)}`);
  if (f.receivedBy !== undefined) parts.push(`d.received_by = ${p.add(f.receivedBy)}`);
  if (f.receivedFrom !== undefined) parts.push(`d.received_on >= ${p.add(f.receivedFrom, '::date')}`);
  if (f.receivedTo !== undefined) parts.push(`d.received_on <= ${p.add(f.receivedTo, '::date')}`);
  if (f.search !== undefined) {
    const either = [`d.dossier_id = ANY (${p.add(f.search.dossierIds, '::text[]')})`];
    if (f.search.codePrefix !== undefined)
      either.push(`d.code LIKE ${p.add(`${f.search.codePrefix.replace(/[\\%_]/g, '\\$&')}%`)}`);
    parts.push(`(${either.join(' OR ')})`);
  }
  return parts;
}

/** After `key` in the queue's order: later due dates, then those without one; the same due date, a later code. */
function afterSql(p: Parameters, key: QueueKey): string {
  const code = p.add(key.code);
  if (key.dueDate === null) return `d.due_date IS NULL AND d.code > ${code}`;
  return `((d.due_date, d.code) > (${p.add(key.dueDate, '::date')}, ${code}) OR d.due_date IS NULL)`;
}

/**
 * Up to `limit` dossiers of the list after `after`, in the queue's order. The page's keys are chosen from the queue
 * index alone (an index-only scan: the filters' columns are in it, so a dossier a filter or the search leaves out costs
 * no visit to the table), then only the page's rows are read.
 */
export async function queuePage(
  db: Queryable,
  query: { unitId: string; selection: QueueSelection; filters: QueueFilters; limit: number; after?: QueueKey },
): Promise<QueueRow[]> {
  const p = new Parameters();
  const where = [selectionSql(p, query.unitId, query.selection), ...filtersSql(p, query.filters)];
  if (query.after) where.push(afterSql(p, query.after));
  const { rows } = await db.query<QueueRow>({
    text: `WITH page AS MATERIALIZED (
             SELECT d.dossier_id AS k_id, d.due_date AS k_due, d.code AS k_code FROM read_models.dossiers d
             WHERE ${where.join(' AND ')}
             ORDER BY d.due_date ASC NULLS LAST, d.code ASC LIMIT ${p.add(query.limit, '::int')})
           SELECT ${PAGE_COLUMNS} FROM page JOIN read_models.dossiers d ON d.dossier_id = page.k_id
           ORDER BY page.k_due ASC NULLS LAST, page.k_code ASC`,
    values: p.values,
  });
  return rows;
}

/** The number of dossiers of each list, under the same filters, in one statement (one index-only scan each). */
export async function queueCounts<K extends string>(
  db: Queryable,
  query: { unitId: string; selections: Record<K, QueueSelection>; filters: QueueFilters },
): Promise<Record<K, number>> {
  const p = new Parameters();
  const keys = Object.keys(query.selections) as K[];
  const filters = filtersSql(p, query.filters); // the same placeholders in every count
  const counts = keys.map((k, i) => {
    const where = [selectionSql(p, query.unitId, query.selections[k]), ...filters].join(' AND ');
    return `(SELECT count(*) FROM read_models.dossiers d WHERE ${where})::int AS c${i}`;
  });
  const { rows } = await db.query<Record<string, number>>({ text: `SELECT ${counts.join(', ')}`, values: p.values });
  const row = rows[0] ?? {};
  return Object.fromEntries(keys.map((k, i) => [k, Number(row[`c${i}`] ?? 0)])) as Record<K, number>;
}
