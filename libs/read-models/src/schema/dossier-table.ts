import type { Wait } from '@app/domain';

/** A column of a read-model table: its SQL type, whether it may be null, and (type only) its value in a row. */
export interface TableColumn<T> {
  readonly sqlType: 'text' | 'integer' | 'bigint' | 'date' | 'timestamptz' | 'jsonb';
  readonly nullable: boolean;
  /** Never set: carries the TypeScript type of the column's value in a row. */
  readonly value?: T;
}

const column = <T>(sqlType: TableColumn<T>['sqlType']): TableColumn<T> => ({ sqlType, nullable: false });
const nullable = <T>(of: TableColumn<T>): TableColumn<T | null> => ({ sqlType: of.sqlType, nullable: true });

const text = column<string>('text');
const integer = column<number>('integer');
const bigint = column<number>('bigint');
/** A local date, `YYYY-MM-DD`. */
const date = column<string>('date');
/** An instant, written and read as canonical UTC ISO text. */
const timestamptz = column<string>('timestamptz');

/**
 * The columns of a generation's dossier table (`read_models.dossiers_g<n>`, seen through the view
 * `read_models.dossiers`), in table order, `dossier_id` the primary key: one row per received dossier, the domain's
 * DossierRecord as columns plus what counters and auditors query it by. The one definition of the row's shape:
 * `DossierRow` and the insert / select column lists derive from it; the DDL of the latest read-models migration and
 * the TypeORM entity `DossierView` are checked against it (dossier-table.int.spec.ts, dossier-view.entity.spec.ts).
 */
export const DOSSIER_TABLE = {
  dossier_id: text,
  stream_position: integer,
  last_global_position: bigint,
  code: text,
  procedure_code: text,
  receiving_unit_id: text,
  competent_unit_id: text,
  current_unit_id: text,
  channel: text,
  status: text,
  received_at: timestamptz,
  received_on: date,
  due_date: nullable(date),
  appointment_date: nullable(date),
  result_at: nullable(timestamptz),
  result_on: nullable(date),
  outcome: nullable(text),
  resolution: nullable(text),
  returned_on: nullable(date),
  returned_via: nullable(text),
  withdrawn_on: nullable(date),
  stopped_on: nullable(date),
  waiting_for: nullable(text),
  waiting_since: nullable(date),
  supplement_requests: integer,
  corrections: integer,
  last_event_at: timestamptz,
  waits: column<Wait[]>('jsonb'),
  /** The account (username) that recorded the receipt: the receipt event's `metadata.actor`. */
  received_by: nullable(text),
} as const;

export const DOSSIER_PRIMARY_KEY = 'dossier_id' satisfies keyof typeof DOSSIER_TABLE;

export type DossierColumn = keyof typeof DOSSIER_TABLE;

/** The value of each column in a row. */
export type RowOf<Table extends Record<string, TableColumn<unknown>>> = {
  -readonly [K in keyof Table]: Table[K] extends TableColumn<infer T> ? T : never;
};

/**
 * A select-list item that reads a column back as the row holds it, whatever the session or process time zone:
 * dates as `YYYY-MM-DD` text, instants in the canonical UTC form.
 */
export function selectColumn(name: DossierColumn): string {
  switch (DOSSIER_TABLE[name].sqlType) {
    case 'date':
      return `${name}::text AS ${name}`;
    case 'timestamptz':
      return `to_char(${name} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${name}`;
    default:
      return name;
  }
}
