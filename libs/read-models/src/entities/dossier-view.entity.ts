import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One received dossier as the active generation holds it (view `read_models.dossiers`). Read-only: the projector writes. */
@Entity({ schema: 'read_models', name: 'dossiers', synchronize: false })
export class DossierView {
  @PrimaryColumn({ name: 'dossier_id', type: 'text' }) dossierId!: string;
  @Column({ name: 'stream_position', type: 'integer' }) streamPosition!: number;
  @Column({ name: 'last_global_position', type: 'bigint' }) lastGlobalPosition!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ name: 'procedure_code', type: 'text' }) procedureCode!: string;
  @Column({ name: 'receiving_unit_id', type: 'text' }) receivingUnitId!: string;
  @Column({ name: 'competent_unit_id', type: 'text' }) competentUnitId!: string;
  @Column({ name: 'current_unit_id', type: 'text' }) currentUnitId!: string;
  @Column({ type: 'text' }) channel!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'received_on', type: 'date' }) receivedOn!: string;
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate!: string | null;
  @Column({ name: 'appointment_date', type: 'date', nullable: true }) appointmentDate!: string | null;
  @Column({ name: 'result_at', type: 'timestamptz', nullable: true }) resultAt!: Date | null;
  @Column({ name: 'result_on', type: 'date', nullable: true }) resultOn!: string | null;
  @Column({ type: 'text', nullable: true }) outcome!: string | null;
  @Column({ type: 'text', nullable: true }) resolution!: string | null;
  @Column({ name: 'returned_on', type: 'date', nullable: true }) returnedOn!: string | null;
  @Column({ name: 'returned_via', type: 'text', nullable: true }) returnedVia!: string | null;
  @Column({ name: 'withdrawn_on', type: 'date', nullable: true }) withdrawnOn!: string | null;
  @Column({ name: 'stopped_on', type: 'date', nullable: true }) stoppedOn!: string | null;
  @Column({ name: 'waiting_for', type: 'text', nullable: true }) waitingFor!: string | null;
  @Column({ name: 'waiting_since', type: 'date', nullable: true }) waitingSince!: string | null;
  @Column({ name: 'supplement_requests', type: 'integer' }) supplementRequests!: number;
  @Column({ type: 'integer' }) corrections!: number;
  @Column({ name: 'last_event_at', type: 'timestamptz' }) lastEventAt!: Date;
  /** Waits on the applicant (supplement, financial obligation): [{ kind, from, to }]. */
  @Column({ type: 'jsonb' }) waits!: { kind: string; from: string; to: string | null }[];
  /** The account (username) that recorded the receipt. */
  @Column({ name: 'received_by', type: 'text', nullable: true }) receivedBy!: string | null;
}
