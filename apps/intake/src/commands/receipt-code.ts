import { Inject, Injectable } from '@nestjs/common';
import { type Instant, MAX_DAILY_SEQUENCE, type OrganisationUnit, formatDossierCode, localDateOf } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { dailySequenceExhausted } from '../dossiers/intake-errors';
import { DossierCodeAllocator } from '../persistence/dossier-code.allocator';

/** The code a receipt is decided with, or: this is a repeat of a dossier already recorded (the log answers it). */
export type ReceiptCode = { code: string } | { repeat: true };

/**
 * A receipt's dossier code, gathered before the receipt is decided (docs/dossier-codes.md): the next number of the
 * unit's day, or the number the dossier already holds there (a repeat takes none). When the dossier holds a number
 * of another day, the log tells a repeat (the dossier exists) from a retry of a receipt never recorded (a new number).
 */
@Injectable()
export class ReceiptCodes {
  constructor(
    private readonly allocator: DossierCodeAllocator,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async codeFor(
    unit: OrganisationUnit,
    receivedAt: Instant,
    dossierId: string,
    streamId: string,
  ): Promise<ReceiptCode> {
    const day = localDateOf(receivedAt);
    let issued = await this.allocator.issueSequence(unit.code, day, dossierId);
    if (issued.outcome === 'held_elsewhere') {
      if ((await this.store.streamVersion(streamId)) > 0) return { repeat: true };
      issued = await this.allocator.issueSequence(unit.code, day, dossierId, { fresh: true });
    }
    if (issued.outcome === 'exhausted' || issued.outcome === 'held_elsewhere')
      throw dailySequenceExhausted(unit.id, day, MAX_DAILY_SEQUENCE);
    return { code: formatDossierCode(unit.code, receivedAt, issued.sequence) };
  }
}
