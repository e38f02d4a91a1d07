/** The API's answers as the desk uses them (see the OpenAPI document at /docs). */
export interface RoleInUnit {
  role: string;
  unitId: string;
}

export interface SessionInfo {
  username: string;
  displayName: string;
  kind: 'person' | 'service';
  roles: RoleInUnit[];
  via: string;
  sessionId?: string;
  csrfToken?: string;
  mustChangePassword?: boolean;
}

export interface Unit {
  id: string;
  name: string;
  level?: string;
  code?: string;
  validFrom?: string;
  validTo?: string | null;
  [key: string]: unknown;
}

export interface Procedure {
  code: string;
  name: string;
  [key: string]: unknown;
}

export interface ApplicantDetails {
  kind: 'citizen' | 'organisation';
  fullName: string;
  idDocument: { kind: string; number: string };
  dateOfBirth?: string;
  phone?: string;
  email?: string;
  address?: { province: string; locality: string; street: string };
  returnByPost?: { deliveryAddress: { province: string; locality: string; street: string } };
}

export interface DossierView {
  id: string;
  code: string;
  status: string;
  procedureCode: string;
  receivingUnitId: string;
  competentUnitId: string;
  currentUnitId: string;
  channel: string;
  receivedAt: string;
  dueDate: string | null;
  appointmentDate: string | null;
  version: number;
  outcome?: string;
  resultAt?: string;
  applicant?: { applicantId: string; details?: ApplicantDetails; erased?: string };
  allowedActions?: string[];
}

export interface HistoryEntry {
  position: number;
  globalPosition: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: string | null;
  actorName: string | null;
  role: string | null;
  unit: string | null;
  data: Record<string, unknown>;
  hash: string;
  /** The previous event's hash in the stream (the chain link; null for the first). */
  prevHash?: string | null;
  metadata?: Record<string, unknown>;
}
