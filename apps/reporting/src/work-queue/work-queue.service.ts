import { ERASED_MARKER, type ProcedureCatalogue, type UnitRegistry, type WorkingCalendar } from '@app/domain';
import type { Queryable } from '@app/event-store';
import { type QueueFilters, type QueueRow, projectedUpTo, queueCounts, queuePage } from '@app/read-models';
import { encodeCursor } from './queue-cursor';
import { queueDays, workingDaysLeftOf } from './queue-days';
import type { QueueSearch } from './queue-search';
import { type QueueTab, allTabSelections, tabSelection } from './queue-tabs';
import { type WorkQueueRequest, invalidQueueField } from './work-queue-request';

/** How long a queue asked with `seen` waits for the read models to take the change in. */
const SEEN_WAIT_MS = 1500;
/** Of that, how long it waits for a standby to replay it before reading the primary instead. */
const STANDBY_WAIT_MS = 300;

/** A dossier of the queue, as the API answers it. */
export interface WorkQueueItem {
  id: string;
  code: string;
  status: string;
  procedureCode: string;
  channel: string;
  receivingUnitId: string;
  currentUnitId: string;
  receivedAt: string;
  receivedBy: string | null;
  dueDate: string | null;
  appointmentDate: string | null;
  workingDaysLeft: number | null;
  applicantName: string | null;
}

export interface WorkQueueAnswer {
  unitId: string;
  tab: QueueTab;
  today: string;
  /** Every tab's count under the same filters and search as the list. */
  counts: Record<QueueTab, number>;
  items: WorkQueueItem[];
  nextCursor: string | null;
}

/** What the queue asks of the applicants lib (ApplicantVault has it): blind-index look-ups and names, no decryption. */
export interface ApplicantLookups {
  applicantsOf(query: { idKind?: string; idNumber?: string; phone?: string }): Promise<string[]>;
  index: {
    searchNames(query: string, units: string[] | '*'): Promise<string[]>;
    dossiersOf(applicantIds: string[], units: string[] | '*'): Promise<{ dossierId: string }[]>;
    namesOfDossiers(dossierIds: readonly string[]): Promise<Map<string, string | null>>;
  };
}

export interface WorkQueueDependencies {
  /** Where the read models are read: the primary, or a standby of it (then `primary` is given too). */
  db: Queryable;
  /** The primary, when `db` is a standby: a queue asked with `seen` reads it if the standby is behind the change. */
  primary?: Queryable;
  reference: () => Promise<{ units: UnitRegistry; procedures: ProcedureCatalogue; calendar: WorkingCalendar }>;
  /** Without it (a bench on bare read models) ID number, phone and name find nothing and names are null. */
  applicants?: ApplicantLookups;
  now?: () => Date;
}

/**
 * The unit's work queue: one tab's page in the queue's order, every tab's count, each dossier's working days left
 * and its applicant's name from the applicants' index. The caller has checked that the principal reads the unit;
 * `nameSearchUnits` are the units whose applicants the principal may find by name (the applicants lib's rule).
 */
export class WorkQueueService {
  constructor(private readonly deps: WorkQueueDependencies) {}

  async queue(request: WorkQueueRequest, nameSearchUnits: string[] | '*'): Promise<WorkQueueAnswer> {
    const db = request.seen ? await this.readYourWrite(request.seen) : this.deps.db;
    const reference = await this.deps.reference();
    if (!reference.units.units.some((u) => u.id === request.unitId))
      throw invalidQueueField('unitId', 'knownUnit', `unitId: không có đơn vị "${request.unitId}" trong danh mục.`);
    if (
      request.procedureCode !== undefined &&
      !reference.procedures.procedures.some((p) => p.code === request.procedureCode)
    )
      throw invalidQueueField(
        'procedureCode',
        'knownProcedure',
        `procedureCode: không có thủ tục "${request.procedureCode}" trong danh mục.`,
      );
    const days = queueDays(reference.calendar, (this.deps.now ?? (() => new Date()))());
    const filters: QueueFilters = {
      procedureCode: request.procedureCode,
      channel: request.channel,
      receivedBy: request.receivedBy,
      receivedFrom: request.receivedFrom,
      receivedTo: request.receivedTo,
    };
    if (request.q)
      filters.search = { codePrefix: request.q.codePrefix, dossierIds: await this.found(request.q, nameSearchUnits) };
    const [counts, rows] = await Promise.all([
      queueCounts(db, { unitId: request.unitId, selections: allTabSelections(days), filters }),
      queuePage(db, {
        unitId: request.unitId,
        selection: tabSelection(request.tab, days),
        filters,
        limit: request.limit + 1,
        after: request.after,
      }),
    ]);
    const page = rows.slice(0, request.limit);
    const names = await this.namesOf(page);
    const left = workingDaysLeftOf(
      reference.calendar,
      days.today,
      page.map((r) => r.due_date),
    );
    const last = page[page.length - 1];
    return {
      unitId: request.unitId,
      tab: request.tab,
      today: days.today,
      counts,
      items: page.map((row, i) => item(row, names, left[i] ?? null)),
      nextCursor:
        rows.length > request.limit && last ? encodeCursor({ dueDate: last.due_date, code: last.code }) : null,
    };
  }

  /**
   * Read-your-writes: the database whose read models have taken in the change the screen saw (`seen`), waiting for it
   * at most SEEN_WAIT_MS. A standby gets STANDBY_WAIT_MS to replay it; then the primary is read (and waited for: the
   * projector may be behind too). At the time limit, the read models as they are: never an error.
   */
  private async readYourWrite(seen: { dossierId: string; globalPosition: number }): Promise<Queryable> {
    const { db, primary } = this.deps;
    if (!primary) {
      await projectedUpTo(db, seen.dossierId, seen.globalPosition, SEEN_WAIT_MS);
      return db;
    }
    if (await projectedUpTo(db, seen.dossierId, seen.globalPosition, STANDBY_WAIT_MS)) return db;
    await projectedUpTo(primary, seen.dossierId, seen.globalPosition, SEEN_WAIT_MS - STANDBY_WAIT_MS);
    return primary;
  }

  /** The dossiers of the applicants the search finds in the blind index (ID number, phone) or by name. */
  private async found(search: QueueSearch, nameSearchUnits: string[] | '*'): Promise<string[]> {
    const applicants = this.deps.applicants;
    if (!applicants) return [];
    const lookups: Promise<string[]>[] = search.identities.map((id) => applicants.applicantsOf(id));
    if (search.phone !== undefined) lookups.push(applicants.applicantsOf({ phone: search.phone }));
    if (search.name !== undefined && (nameSearchUnits === '*' || nameSearchUnits.length > 0))
      lookups.push(applicants.index.searchNames(search.name, nameSearchUnits));
    const applicantIds = [...new Set((await Promise.all(lookups)).flat())];
    if (applicantIds.length === 0) return []; // the usual answer to a number typed at the counter: no round trip more
    // every unit's dossiers of these applicants: the queue keeps only the unit's own (transferred ones included)
    return (await applicants.index.dossiersOf(applicantIds, '*')).map((d) => d.dossierId);
  }

  private async namesOf(rows: readonly QueueRow[]): Promise<Map<string, string | null>> {
    if (!this.deps.applicants || rows.length === 0) return new Map();
    return this.deps.applicants.index.namesOfDossiers(rows.map((r) => r.dossier_id));
  }
}

function item(row: QueueRow, names: Map<string, string | null>, left: number | null): WorkQueueItem {
  const name = names.get(row.dossier_id);
  return {
    id: row.dossier_id,
    code: row.code,
    status: row.status,
    procedureCode: row.procedure_code,
    channel: row.channel,
    receivingUnitId: row.receiving_unit_id,
    currentUnitId: row.current_unit_id,
    receivedAt: row.received_at,
    receivedBy: row.received_by,
    dueDate: row.due_date,
    appointmentDate: row.appointment_date,
    workingDaysLeft: left,
    // in the index: the name; erased: the marker (the dossier still points to the applicant); no applicant: null
    applicantName: name === undefined ? null : (name ?? ERASED_MARKER),
  };
}
