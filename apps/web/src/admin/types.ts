/** The administration API's answers as the admin screens use them (libs/accounts account-views, reference data). */
export interface Grant {
  grantId: string;
  role: string;
  /** A unit id of the registry, or `*` for every unit. */
  unitId: string;
  validFrom: string;
  validUntil?: string;
}

export interface Account {
  username: string;
  displayName: string;
  kind: 'person' | 'service';
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  grants: Grant[];
  version: number;
}

export interface AccountEventEntry {
  position: number;
  type: string;
  data: Record<string, unknown>;
  actor: string | null;
  actorName: string | null;
  recordedAt: string;
}

export interface AccountSession {
  sessionId: string;
  method: string;
  address: string;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface TimeLimit {
  unit: 'working_days' | 'calendar_days' | 'working_hours' | 'immediate';
  amount?: number;
}

export interface ProcedureRecord {
  code: string;
  name: string;
  level: string;
  field?: string;
  timeLimit: TimeLimit;
  oneStop: boolean;
  interconnected: boolean;
  onlineLevel: 'none' | 'partial' | 'full';
  legalBasis?: string;
  validFrom: string;
  validTo: string | null;
}

export interface CalendarYearRecord {
  year: number;
  notice: string;
  daysOff: { date: string; name: string }[];
  workingSaturdays: { date: string; replaces?: string; name?: string }[];
  notes?: string;
}

export type ReferenceKind = 'units' | 'procedures' | 'calendar';

export interface ReferenceSetView<T> {
  kind: ReferenceKind;
  version: number;
  records: T[];
}

/** What PUT /api/v1/reference/{kind}/{key} answers. */
export interface EntryChangeView<T> {
  kind: ReferenceKind;
  key: string;
  change: 'added' | 'changed' | 'unchanged';
  version: number;
  record: T;
}
