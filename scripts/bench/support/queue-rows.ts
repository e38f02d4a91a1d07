import type { Pool } from 'pg';
import { type LocalDate, addDays } from '@app/domain';
import { activeGeneration, generationTable } from '@app/read-models';

/** The units of the bench (the Huế registry's one-stop centres, 2020 and 2025) and their electronic codes. */
export const QUEUE_UNITS: readonly { id: string; code: string }[] = [
  { id: 'tth-pvhcc', code: '000.00.01.H57' },
  ...['hue', 'huong-thuy', 'huong-tra', 'phong-dien', 'quang-dien', 'phu-vang', 'phu-loc', 'a-luoi', 'nam-dong'].map(
    (name, i) => ({ id: `tth-hcc-${name}`, code: `000.00.${21 + i}.H57` }),
  ),
  { id: 'hue-pvhcc', code: '000.00.01.H57' },
];

export const QUEUE_PROCEDURES = ['T-DKDN-01', 'T-DKDN-02', 'T-GPLX-01', 'T-LLTP-01', 'H-HKD-01', 'H-DD-01', 'H-CT-03'];
export const CLERKS_PER_UNIT = 30;

/**
 * Fills the active generation's dossier table with `count` synthetic rows, straight in SQL (not through the event
 * log: a million receipts through the log and a rebuild take many minutes, and the queue reads only this table).
 * Spread evenly over the units; received over four years up to `today`; 80% returned, 3% withdrawn or stopped, 3%
 * resolved awaiting hand-back, and the open 14% received in the last 60 days (9% in progress, 3% waiting for
 * supplements, 2% for fees) with due dates 2–40 days after receipt, 5% of them none; 10% transferred to another unit.
 * Codes are `<unit code>-YYMMDD-<7-digit row number>` (unique; the real sequence has 4 digits a day).
 */
export async function insertQueueRows(pool: Pool, count: number, today: LocalDate, chunk = 100_000): Promise<void> {
  const table = generationTable('dossiers', (await activeGeneration(pool)).id);
  const units = QUEUE_UNITS.length;
  for (let from = 1; from <= count; from += chunk) {
    const to = Math.min(count, from + chunk - 1);
    await pool.query(
      `WITH s AS (
         SELECT i, (i % $3)::int AS u, ((i * 7919) % 100)::int AS r, ((i * 104729) % 1000)::int AS x, $4::date AS today
         FROM generate_series($1::bigint, $2::bigint) AS i),
       k AS (
         SELECT i, u, r, x,
           CASE WHEN r < 80 THEN 'returned' WHEN r < 82 THEN 'withdrawn' WHEN r < 83 THEN 'stopped' WHEN r < 86 THEN 'resolved'
                WHEN r < 95 THEN 'in_progress' WHEN r < 98 THEN 'awaiting_supplement' ELSE 'awaiting_financial_obligation' END AS status,
           CASE WHEN r >= 86 THEN today - (x % 60) ELSE today - 60 - ((i * 31) % 1400)::int END AS received_on
         FROM s)
       INSERT INTO ${table} (dossier_id, stream_position, last_global_position, code, procedure_code, receiving_unit_id,
         competent_unit_id, current_unit_id, channel, status, received_at, received_on, due_date, appointment_date,
         result_at, result_on, outcome, resolution, returned_on, returned_via, withdrawn_on, stopped_on, waiting_for,
         waiting_since, supplement_requests, corrections, last_event_at, waits, received_by)
       SELECT 'bench-' || i, 1, i, (($5::text[])[u + 1]) || '-' || to_char(received_on, 'YYMMDD') || '-' || lpad(i::text, 7, '0'),
         ($7::text[])[(i % cardinality($7::text[]))::int + 1],
         ($6::text[])[u + 1], ($6::text[])[u + 1],
         CASE WHEN x % 10 = 0 THEN ($6::text[])[((u + 1) % $3) + 1] ELSE ($6::text[])[u + 1] END,
         (ARRAY['counter', 'online', 'postal'])[(x % 3) + 1], status,
         (received_on + time '09:00') AT TIME ZONE 'Asia/Ho_Chi_Minh', received_on,
         CASE WHEN x % 20 = 0 THEN NULL ELSE received_on + 2 + (x % 39) END, NULL,
         CASE WHEN status IN ('returned', 'resolved') THEN (received_on + 5 + time '15:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' END,
         CASE WHEN status IN ('returned', 'resolved') THEN received_on + 5 END,
         CASE WHEN status IN ('returned', 'resolved') THEN 'approved' END,
         CASE WHEN status IN ('returned', 'resolved') THEN 'on_time' END,
         CASE WHEN status = 'returned' THEN received_on + 6 END, CASE WHEN status = 'returned' THEN 'counter' END,
         CASE WHEN status = 'withdrawn' THEN received_on + 3 END, CASE WHEN status = 'stopped' THEN received_on + 3 END,
         CASE WHEN status = 'awaiting_supplement' THEN 'supplement' WHEN status = 'awaiting_financial_obligation' THEN 'financial_obligation' END,
         CASE WHEN status LIKE 'awaiting%' THEN received_on + 1 END,
         CASE WHEN status = 'awaiting_supplement' THEN 1 ELSE 0 END, 0,
         (received_on + time '09:00') AT TIME ZONE 'Asia/Ho_Chi_Minh', '[]'::jsonb,
         'clerk-' || u || '-' || (x % $8)
       FROM k`,
      [
        from,
        to,
        units,
        today,
        QUEUE_UNITS.map((u) => u.code),
        QUEUE_UNITS.map((u) => u.id),
        QUEUE_PROCEDURES,
        CLERKS_PER_UNIT,
      ],
    );
  }
  await pool.query(`VACUUM ANALYZE ${table}`);
}

/** The dossier ids of the bench rows, for the applicants' index. */
export const benchDossierId = (i: number): string => `bench-${i}`;

/** A day `n` days before today (for filters). */
export const daysBefore = (today: LocalDate, n: number): LocalDate => addDays(today, -n);
