import type { Pool } from 'pg';
import {
  type ApplicantDetails,
  type DossierState,
  type IdDocumentKind,
  dossierStreamId,
  evolve,
  initialDossierState,
  isReceived,
  upcast,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import type { ApplicantVault, Reader } from './applicant-vault';
import type { SealedApplicant } from './crypto/sealed-applicant';
import { applicantLastSeen } from './persistence/returning-applicant-index';

export const ID_DOCUMENT_KINDS: readonly IdDocumentKind[] = ['cccd', 'cmnd', 'passport', 'tax_code'];

/** A returning applicant's details as last recorded, to prefill a receipt. */
export type ReturningApplicant = { applicantId: string } & ApplicantDetails;

/**
 * Finds a returning applicant by their ID number (the blind index: the number itself is never stored) and reveals
 * their details as last recorded — the latest receipt or correction among their dossiers — recording the display in
 * the access log. Only applicants seen at the given units (`*`: any); undefined when unknown, erased or not seen there.
 */
export class ReturningApplicants {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly vault: ApplicantVault,
  ) {}

  async lookUp(
    idNumber: string,
    idKind: IdDocumentKind | undefined,
    units: readonly string[] | '*',
    reader: Reader,
  ): Promise<ReturningApplicant | undefined> {
    const kinds = idKind ? [idKind] : ID_DOCUMENT_KINDS;
    const found = await Promise.all(kinds.map((kind) => this.vault.applicantsOf({ idKind: kind, idNumber })));
    const seen = await applicantLastSeen(this.pool, found.flat(), units);
    if (!seen) return undefined;
    const latest = await this.latestSealing(seen.applicantId, seen.dossierIds);
    if (!latest) return undefined;
    const shown = await this.vault.reveal(latest.sealed, reader, latest.dossierId);
    return 'details' in shown ? { applicantId: shown.applicantId, ...shown.details } : undefined;
  }

  /** The applicant's details as sealed last (highest global position) in these dossiers' streams. */
  private async latestSealing(
    applicantId: string,
    dossierIds: readonly string[],
  ): Promise<{ sealed: SealedApplicant; dossierId: string } | undefined> {
    const streams = await Promise.all(dossierIds.map((id) => this.store.readStream(dossierStreamId(id))));
    let latest: { sealed: SealedApplicant; dossierId: string; position: number } | undefined;
    streams.forEach((events, i) => {
      let state: DossierState = initialDossierState;
      for (const event of events) {
        const before = isReceived(state) ? state.dossier.applicant : undefined;
        state = evolve(state, upcast(event));
        const after = isReceived(state) ? state.dossier.applicant : undefined;
        const changed =
          after !== undefined && after.ciphertext !== before?.ciphertext && after.applicantId === applicantId;
        if (changed && (latest === undefined || event.globalPosition > latest.position))
          latest = { sealed: after, dossierId: dossierIds[i] as string, position: event.globalPosition };
      }
    });
    return latest && { sealed: latest.sealed, dossierId: latest.dossierId };
  }
}
