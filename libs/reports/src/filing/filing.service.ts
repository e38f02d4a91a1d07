import { randomUUID } from 'node:crypto';
import { CLASSIFICATION_RULES_VERSION, type FiledScope, FilingError, formatDate } from '@app/domain';
import type { EventMetadata, EventStore } from '@app/event-store';
import type { FiguresService } from '../figures/figures.service';
import { parseReportRequest } from '../query/parse-report-request';
import { renderJson } from '../render/render-json';
import { compareFiling } from './compare-filing';
import type { FiledReport } from './filed-report';
import type { FilingComparison } from './filing-comparison';
import { inputsSha256 } from './filing-inputs';
import type { FilingStore } from './filing-store';

/** POST /api/v1/reports/filings: the period and scope as the figures API takes them, and a title. */
export interface FilingRequest {
  from?: unknown;
  to?: unknown;
  unit?: unknown;
  level?: unknown;
  groupBy?: unknown;
  title?: unknown;
}

export interface FilingServiceDeps {
  figures: FiguresService;
  filings: FilingStore;
  store: EventStore;
  /** The versions of the reference data in force. */
  versions: () => Promise<{ units: number; procedures: number; calendar: number }>;
  now?: () => Date;
}

/**
 * Files reports and compares them with now. A filing records the read-model figures with the log position they
 * are at (one snapshot), the versions in force and a hash of its inputs; it is never recomputed: its outputs are
 * rendered from the filed figures.
 */
export class FilingService {
  constructor(private readonly deps: FilingServiceDeps) {}

  /** `authorize` sees the units in scope before anything is computed (and throws to refuse). */
  async file(
    ask: FilingRequest,
    metadata: EventMetadata,
    authorize?: (unitIds: string[]) => void,
  ): Promise<FiledReport> {
    const request = parseReportRequest({
      from: ask.from,
      to: ask.to,
      unit: ask.unit,
      level: ask.level,
      groupBy: ask.groupBy,
    });
    let unitsInScope: string[] = [];
    const { report, generation, checkpoint } = await this.deps.figures.reportAtReadModelPosition(request, (units) => {
      unitsInScope = units;
      authorize?.(units);
    });
    if (report.warnings?.some((w) => w.code === 'NO_UNIT_IN_FORCE')) throw new FilingError('EMPTY_SCOPE', 'unit');
    const figures = JSON.parse(JSON.stringify(renderJson(report))) as Record<string, unknown>;
    const scope: FiledScope = {
      ...(request.units ? { units: request.units } : {}),
      ...(request.levels ? { levels: request.levels } : {}),
      unitsInScope,
    };
    const position = { ...checkpoint, generation };
    const versions = { ...(await this.deps.versions()), rules: CLASSIFICATION_RULES_VERSION };
    const inputs = { period: request.period, scope, groupBy: request.groupBy, position, versions, figures };
    const title =
      typeof ask.title === 'string' && ask.title.trim() !== ''
        ? ask.title
        : `Báo cáo số liệu từ ngày ${formatDate(request.period.from)} đến ngày ${formatDate(request.period.to)}`;
    return this.deps.filings.file(
      { type: 'FileReport', filingId: randomUUID(), title, ...inputs, inputsSha256: inputsSha256(inputs) },
      metadata,
      this.deps.now?.() ?? new Date(),
    );
  }

  list(): Promise<FiledReport[]> {
    return this.deps.filings.list();
  }

  get(id: string): Promise<FiledReport> {
    return this.deps.filings.get(id);
  }

  async compare(id: string): Promise<FilingComparison> {
    return compareFiling(
      { figures: this.deps.figures, store: this.deps.store, ...(this.deps.now ? { now: this.deps.now } : {}) },
      await this.get(id),
    );
  }
}
