import { ApplicantVault } from '@app/applicants';
import { Inject, Injectable } from '@nestjs/common';
import { dossierStreamId } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import type { Principal } from '@app/platform';
import { assertMayRead } from '../dossiers/dossier-access';
import { DOSSIER_FOLD } from '../dossiers/dossier-stream';
import { type DossierView, dossierView } from '../dossiers/dossier-view';
import { dossierNotFound } from '../dossiers/intake-errors';
import { DossierCodeAllocator } from '../persistence/dossier-code.allocator';

export interface HistoryEntry {
  position: number;
  globalPosition: number;
  type: string;
  schemaVersion: number;
  /** Business time: when it happened. */
  occurredAt: string;
  /** System time: when the store recorded it. */
  recordedAt: string;
  /** The account that recorded it (its username), its display name then, and the role it acted by. */
  actor: string | null;
  actorName: string | null;
  role: string | null;
  unit: string | null;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  hash: string;
  /** The link of the stream's hash chain: the previous event's hash (null for the first). */
  prevHash: string | null;
}

/** A dossier's current state and its full history (both times, the actor), always from its stream. */
@Injectable()
export class DossierQueries {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly codes: DossierCodeAllocator,
    private readonly applicants: ApplicantVault,
  ) {}

  /** `code`: looked up by this code, the dossier must bear it (a code issued to a receipt that failed names no dossier). */
  async dossier(
    dossierId: string,
    principal: Principal,
    code?: string,
    purpose = code ? 'GET /api/v1/dossiers?code' : 'GET /api/v1/dossiers/{id}',
  ): Promise<{ view: DossierView; history: HistoryEntry[] }> {
    const events = await this.store.readStream(dossierStreamId(dossierId));
    const state = events.reduce(DOSSIER_FOLD.evolve, DOSSIER_FOLD.initialState);
    const view = dossierView(dossierId, state, events.at(-1)?.streamPosition ?? 0, principal);
    if (code !== undefined && view?.code !== code) throw dossierNotFound(code);
    if (!view) throw dossierNotFound(dossierId);
    assertMayRead(principal, state, code ?? dossierId);
    if (state.status !== 'none' && state.status !== 'refused_at_receipt' && state.dossier.applicant)
      view.applicant = await this.applicants.reveal(
        state.dossier.applicant,
        { actor: principal.subject, actorName: principal.name, purpose },
        dossierId,
      );
    const history = events.map((e) => ({
      position: e.streamPosition,
      globalPosition: e.globalPosition,
      type: e.type,
      schemaVersion: e.schemaVersion,
      occurredAt: e.data.occurredAt,
      recordedAt: e.recordedAt.toISOString(),
      actor: text(e.metadata.actor),
      actorName: text(e.metadata.actorName),
      role: text(e.metadata.role),
      unit: text(e.metadata.unit),
      data: e.data,
      metadata: e.metadata,
      hash: e.hash,
      prevHash: e.prevHash,
    }));
    return { view, history };
  }

  /** The dossier bearing this code, as the principal may see it. */
  async byCode(code: string, principal: Principal): Promise<DossierView> {
    const id = await this.codes.dossierIdOf(code);
    if (!id) throw dossierNotFound(code);
    return (await this.dossier(id, principal, code)).view;
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
