import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The measures' steps summed per unit and day / month / year (see projection/measures.ts). */
abstract class Measures {
  @Column({ name: 'received_counter', type: 'integer' }) receivedCounter!: number;
  @Column({ name: 'received_online', type: 'integer' }) receivedOnline!: number;
  @Column({ name: 'received_postal', type: 'integer' }) receivedPostal!: number;
  @Column({ name: 'resolved_early', type: 'integer' }) resolvedEarly!: number;
  @Column({ name: 'resolved_on_time', type: 'integer' }) resolvedOnTime!: number;
  @Column({ name: 'resolved_late', type: 'integer' }) resolvedLate!: number;
  @Column({ type: 'integer' }) withdrawn!: number;
  @Column({ type: 'integer' }) stopped!: number;
  @Column({ name: 'waiting_supplement', type: 'integer' }) waitingSupplement!: number;
  @Column({ name: 'waiting_financial_obligation', type: 'integer' }) waitingFinancialObligation!: number;
  @Column({ name: 'in_progress_within', type: 'integer' }) inProgressWithin!: number;
  @Column({ name: 'in_progress_overdue', type: 'integer' }) inProgressOverdue!: number;
}

/** View `read_models.unit_counters` (active generation). */
@Entity({ schema: 'read_models', name: 'unit_counters', synchronize: false })
export class UnitCounter extends Measures {
  @PrimaryColumn({ name: 'unit_id', type: 'text' }) unitId!: string;
  @PrimaryColumn({ type: 'char' }) grain!: 'd' | 'm' | 'y';
  @PrimaryColumn({ type: 'date' }) period!: string;
}

/** View `read_models.unit_procedure_counters` (active generation). */
@Entity({ schema: 'read_models', name: 'unit_procedure_counters', synchronize: false })
export class UnitProcedureCounter extends Measures {
  @PrimaryColumn({ name: 'unit_id', type: 'text' }) unitId!: string;
  @PrimaryColumn({ name: 'procedure_code', type: 'text' }) procedureCode!: string;
  @PrimaryColumn({ type: 'char' }) grain!: 'd' | 'm' | 'y';
  @PrimaryColumn({ type: 'date' }) period!: string;
}
