import type { DossierRecord } from '@app/domain';

/**
 * A replay holds one record per dossier — millions. Their unit ids, procedure codes, channels and dates repeat
 * endlessly but arrive as fresh strings from each event's JSON; sharing one copy of each halves the memory (the
 * record is a fresh object from evolveRecord, so replacing a field by an equal string changes nothing else).
 */
export class RecordInterner {
  private readonly strings = new Map<string, string>();

  /** `previous`: the record this one was folded from (fields it shares are interned already). */
  intern(record: DossierRecord, previous?: DossierRecord | null): DossierRecord {
    if (previous && sameStrings(record, previous)) return record;
    const r = record as { -readonly [K in keyof DossierRecord]: DossierRecord[K] };
    r.procedureCode = this.string(r.procedureCode);
    r.receivingUnitId = this.string(r.receivingUnitId);
    r.competentUnitId = this.string(r.competentUnitId);
    r.currentUnitId = this.string(r.currentUnitId);
    r.channel = this.string(r.channel) as DossierRecord['channel'];
    r.receivedOn = this.string(r.receivedOn);
    r.dueDate = this.maybe(r.dueDate);
    r.appointmentDate = this.maybe(r.appointmentDate);
    r.resultOn = this.maybe(r.resultOn);
    r.outcome = this.maybe(r.outcome) as DossierRecord['outcome'];
    r.returnedOn = this.maybe(r.returnedOn);
    r.returnedVia = this.maybe(r.returnedVia) as DossierRecord['returnedVia'];
    r.withdrawnOn = this.maybe(r.withdrawnOn);
    r.stoppedOn = this.maybe(r.stoppedOn);
    return record;
  }

  private string(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    if (this.strings.size > 200_000) this.strings.clear();
    this.strings.set(value, value);
    return value;
  }

  private maybe(value: string | null): string | null {
    return value === null ? null : this.string(value);
  }
}

const FIELDS = [
  'procedureCode',
  'receivingUnitId',
  'competentUnitId',
  'currentUnitId',
  'channel',
  'receivedOn',
  'dueDate',
  'appointmentDate',
  'resultOn',
  'outcome',
  'returnedOn',
  'returnedVia',
  'withdrawnOn',
  'stoppedOn',
] as const;

/** True when every interned field is the very same string as in `previous` (nothing new to intern). */
function sameStrings(record: DossierRecord, previous: DossierRecord): boolean {
  for (const field of FIELDS) if (record[field] !== previous[field]) return false;
  return true;
}
