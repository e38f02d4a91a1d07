import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `read_models.generations`: one row per set of read-model tables, with its checkpoint. */
@Entity({ schema: 'read_models', name: 'generations', synchronize: false })
export class GenerationRecord {
  @PrimaryColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'transaction_id', type: 'text' }) transactionId!: string;
  @Column({ name: 'global_position', type: 'bigint' }) globalPosition!: string;
  @Column({ name: 'events_projected', type: 'bigint' }) eventsProjected!: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'caught_up_at', type: 'timestamptz', nullable: true }) caughtUpAt!: Date | null;
  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true }) activatedAt!: Date | null;
}
