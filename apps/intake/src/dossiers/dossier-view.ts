import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApplicantDetails, DossierState } from '@app/domain';
import type { Principal } from '@app/platform';
import { allowedActions } from './allowed-actions';
import { DOSSIER_ACTIONS } from './dossier-actions';

/** What the counter sees of a dossier after each command. */
export class DossierView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '000.00.00.H57-200901-0001' }) code!: string;
  @ApiProperty({ example: 'in_progress' }) status!: string;
  @ApiProperty() procedureCode!: string;
  @ApiProperty() receivingUnitId!: string;
  @ApiProperty() competentUnitId!: string;
  @ApiProperty() currentUnitId!: string;
  @ApiProperty({ enum: ['counter', 'online', 'postal'] }) channel!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2020-09-04',
    description: 'Local date (Asia/Ho_Chi_Minh); null for immediate procedures',
  })
  dueDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) appointmentDate!: string | null;
  @ApiPropertyOptional({ enum: ['approved', 'refused'] }) outcome?: string;
  @ApiPropertyOptional({ format: 'date-time' }) resultAt?: string;
  @ApiProperty({ description: 'Stream version: send it as If-Match for optimistic concurrency' }) version!: number;
  @ApiPropertyOptional({
    description:
      'The applicant: their details when read by whom may see them (each display is recorded), or `{applicantId, ' +
      'erased: "[đã xoá theo yêu cầu]"}` once erased; only `{applicantId}` in the answers to commands',
  })
  applicant?: { applicantId: string; details?: ApplicantDetails; erased?: string };
  @ApiProperty({
    enum: Object.keys(DOSSIER_ACTIONS),
    isArray: true,
    description:
      'The actions (keys of GET /api/v1/dossier-actions) the state machine allows now and your roles for the ' +
      "dossier's units permit; empty for whom may only read",
  })
  allowedActions!: string[];
}

/** The dossier as `principal` sees it (the actions are theirs); undefined before a receipt. */
export function dossierView(
  dossierId: string,
  state: DossierState,
  version: number,
  principal: Principal,
): DossierView | undefined {
  if (state.status === 'none' || state.status === 'refused_at_receipt') return undefined;
  const d = state.dossier;
  const view: DossierView = {
    id: dossierId,
    code: d.code,
    status: state.status,
    procedureCode: d.procedureCode,
    receivingUnitId: d.receivingUnitId,
    competentUnitId: d.competentUnitId,
    currentUnitId: d.currentUnitId,
    channel: d.channel,
    receivedAt: d.receivedAt,
    dueDate: d.dueDate,
    appointmentDate: d.appointmentDate,
    version,
    allowedActions: allowedActions(principal, state),
  };
  if (d.applicant) view.applicant = { applicantId: d.applicant.applicantId };
  if (state.status === 'resolved' || state.status === 'returned') {
    view.outcome = state.result.outcome;
    view.resultAt = state.result.recordedAt;
  }
  return view;
}
