import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { dossierStreamId } from '@app/domain';
import type { Principal } from '@app/platform';
import { DossierCodeAllocator } from '../persistence/dossier-code.allocator';
import { DossierRepository } from '../dossiers/dossier-repository';
import { type DossierView, dossierView } from '../dossiers/dossier-view';
import { assertMayRead } from '../dossiers/dossier-access';
import { dossierNotFound } from '../dossiers/intake-errors';

export interface HistoryEntry {
  position: number;
  globalPosition: number;
  type: string;
  schemaVersion: number;
  /** Business time: when it happened. */
  occurredAt: string;
  /** System time: when the store recorded it. */
  recordedAt: string;
  actor: string | null;
  unit: string | null;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  hash: string;
}

export class GetDossierQuery extends Query<{ view: DossierView; history: HistoryEntry[] }> {
  constructor(
    readonly dossierId: string,
    readonly principal: Principal,
    /** Looked up by this code: the dossier must bear it (a code issued to a receipt that failed names no dossier). */
    readonly code?: string,
  ) {
    super();
  }
}

export class FindDossierByCodeQuery extends Query<string> {
  constructor(readonly code: string) {
    super();
  }
}

/** A dossier's current state and its full history (both times, the actor), always from its stream. */
@QueryHandler(GetDossierQuery)
export class GetDossierHandler implements IQueryHandler<GetDossierQuery> {
  constructor(private readonly repository: DossierRepository) {}

  async execute({ dossierId, principal, code }: GetDossierQuery): Promise<{ view: DossierView; history: HistoryEntry[] }> {
    const loaded = await this.repository.load(dossierStreamId(dossierId));
    const view = dossierView(dossierId, loaded.state, loaded.version);
    if (code !== undefined && view?.code !== code) throw dossierNotFound(code);
    if (!view) throw dossierNotFound(dossierId);
    assertMayRead(principal, loaded.state, code ?? dossierId);
    const history = loaded.events.map((e) => ({
      position: e.streamPosition,
      globalPosition: e.globalPosition,
      type: e.type,
      schemaVersion: e.schemaVersion,
      occurredAt: e.data.occurredAt,
      recordedAt: e.recordedAt.toISOString(),
      actor: typeof e.metadata.actor === 'string' ? e.metadata.actor : null,
      unit: typeof e.metadata.unit === 'string' ? e.metadata.unit : null,
      data: e.data,
      metadata: e.metadata,
      hash: e.hash,
    }));
    return { view, history };
  }
}

@QueryHandler(FindDossierByCodeQuery)
export class FindDossierByCodeHandler implements IQueryHandler<FindDossierByCodeQuery> {
  constructor(private readonly codes: DossierCodeAllocator) {}

  async execute({ code }: FindDossierByCodeQuery): Promise<string> {
    const id = await this.codes.dossierIdOf(code);
    if (!id) throw dossierNotFound(code);
    return id;
  }
}
