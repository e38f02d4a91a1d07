import type { LocalDate } from '@app/domain';
import type { Fate } from './scenario-definition';

/** One planned dossier: what the clerk will do, when, and where it should end up. */
export interface DossierScript {
  /** Stable key (scenario, seed, line, unit, number): the idempotency key of every command sent for it. */
  key: string;
  line: string;
  unitId: string;
  procedureCode: string;
  channel: 'counter' | 'online' | 'postal';
  carriedOver: boolean;
  fate: Fate;
  receivedAt: string;
  /** The due date the planner expects the system to give (checked against the answer). */
  dueDate: LocalDate;
  steps: ScriptStep[];
}

export type ScriptStep =
  | { action: 'transfer'; at: string; body: { toUnitId: string; reason: string } }
  | { action: 'requestSupplement'; at: string; body: { reason: string; documents: string[] } }
  | { action: 'receiveSupplement'; at: string; body: Record<string, never>; expectDueDate: LocalDate }
  | { action: 'requestFinancialObligation'; at: string; body: { amount: number; description: string } }
  | { action: 'fulfilFinancialObligation'; at: string; body: { amount: number } }
  | { action: 'reschedule'; at: string; body: { newAppointmentDate: LocalDate; reason: string } }
  | { action: 'recordResult'; at: string; body: { outcome: 'approved' | 'refused'; reason?: string } }
  | { action: 'returnResult'; at: string; body: { via: 'counter' | 'postal' | 'online' } }
  | { action: 'withdraw'; at: string; body: { reason: string } }
  | { action: 'stop'; at: string; body: { reason: string } };
