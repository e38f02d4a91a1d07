import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, PostgresEventStore, type SealExport } from '@app/event-store';
import { APP_CONFIG, type AppConfig, ApplicationError } from '@app/platform';
import { type VerificationRun, VerificationRuns } from './verification-runs';

/** What GET /audit/integrity answers. */
export interface IntegrityStatus {
  lastVerification: VerificationRun | null;
  verificationsRunning: VerificationRun[];
  seals: {
    count: number;
    /** The newest seals, newest first (at most 5). */
    last: SealExport[];
    /** Events recorded after the newest seal (null: not known for this event store). */
    unsealedEvents: number | null;
    /** The automatic sealer's policy (npm start; SEAL_EVERY_EVENTS / SEAL_EVERY_SECONDS, 0 = off). */
    policy: { everyEvents: number; everySeconds: number };
    /** When the next automatic seal is due by time (null: not by time, or nothing to seal), and how many more events make it due by count. */
    nextDueAt: string | null;
    nextDueAfterEvents: number | null;
  };
}

@Injectable()
export class AuditService {
  private readonly runs = new VerificationRuns();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async integrity(): Promise<IntegrityStatus> {
    const { sealEveryEvents: everyEvents, sealEverySeconds: everySeconds } = this.config;
    const postgres = this.store instanceof PostgresEventStore ? this.store : null;
    const status = postgres ? await postgres.sealStatus() : null;
    const all = postgres ? null : await this.store.listSeals();
    const last = postgres ? await postgres.sealPage(0, 5) : (all ?? []).slice(-5).reverse();
    const unsealed = status?.unsealedEvents ?? null;
    const lastSeal = last[0] ?? null;
    const automatic = postgres !== null;
    return {
      lastVerification: this.runs.lastFinished(),
      verificationsRunning: this.runs.running(),
      seals: {
        count: status?.seals ?? all?.length ?? 0,
        last,
        unsealedEvents: unsealed,
        policy: { everyEvents, everySeconds },
        nextDueAt:
          automatic && everySeconds > 0 && unsealed !== 0
            ? lastSeal
              ? new Date(Math.max(Date.now(), Date.parse(lastSeal.createdAt) + everySeconds * 1000)).toISOString()
              : new Date().toISOString()
            : null,
        nextDueAfterEvents:
          automatic && everyEvents > 0 && unsealed !== null ? Math.max(0, everyEvents - unsealed) : null,
      },
    };
  }

  startVerification(streamId: string | undefined, requestedBy: string): VerificationRun {
    if (streamId !== undefined)
      return this.runs.start({ kind: 'stream', streamId }, requestedBy, () => this.store.verify({ streamId }));
    return this.runs.start({ kind: 'log' }, requestedBy, () => this.store.verifyLog());
  }

  verification(id: string): VerificationRun {
    const run = this.runs.get(id);
    if (!run)
      throw new ApplicationError(
        404,
        'VERIFICATION_NOT_FOUND',
        `Không có lượt kiểm tra ${id} (đã quá cũ hoặc máy chủ đã khởi động lại).`,
      );
    return run;
  }

  async seals(
    page: number,
    pageSize: number,
  ): Promise<{ seals: SealExport[]; total: number; page: number; pageSize: number }> {
    if (this.store instanceof PostgresEventStore) {
      const [status, seals] = await Promise.all([
        this.store.sealStatus(),
        this.store.sealPage((page - 1) * pageSize, pageSize),
      ]);
      return { seals, total: status.seals, page, pageSize };
    }
    const all = (await this.store.listSeals()).reverse();
    return { seals: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
  }

  async seal(sealNumber: number): Promise<SealExport> {
    const found =
      this.store instanceof PostgresEventStore
        ? await this.store.sealByNumber(sealNumber)
        : ((await this.store.listSeals()).find((s) => s.sealNumber === sealNumber) ?? null);
    if (!found) throw new ApplicationError(404, 'SEAL_NOT_FOUND', `Không có niêm phong số ${sealNumber}.`);
    return found;
  }
}
