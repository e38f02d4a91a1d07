import type { ReportFiledData } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { FiguresJson } from '../render/render-json';
import type { FiguresReport } from '../figures/figures-report';

/** A filed report as the API shows it: the ReportFiled event's data, who filed it, and where it sits in the log. */
export interface FiledReport {
  id: string;
  title: string;
  filedAt: string;
  filedBy: { actor: string | null; actorName: string | null };
  period: ReportFiledData['period'];
  scope: ReportFiledData['scope'];
  groupBy: string;
  /** Where the figures were computed (the read-model generation's checkpoint). */
  position: ReportFiledData['position'];
  versions: ReportFiledData['versions'];
  inputsSha256: string;
  /** The ReportFiled event itself. */
  event: { globalPosition: number; transactionId: string; streamPosition: number; hash: string };
  /** The figures as the figures API answered them when filed. */
  figures: FiledFigures;
}

/** The figures API's JSON body (renderJson): the renderers take it as the report it was rendered from. */
export type FiledFigures = FiguresReport & { total: FiguresJson };

export function filedReportOf(event: RecordedEvent): FiledReport {
  const data = event.data as unknown as ReportFiledData;
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    id: data.filingId,
    title: data.title,
    filedAt: data.occurredAt,
    filedBy: { actor: text(event.metadata.actor), actorName: text(event.metadata.actorName) },
    period: data.period,
    scope: data.scope,
    groupBy: data.groupBy,
    position: data.position,
    versions: data.versions,
    inputsSha256: data.inputsSha256,
    event: {
      globalPosition: event.globalPosition,
      transactionId: event.transactionId,
      streamPosition: event.streamPosition,
      hash: event.hash,
    },
    figures: data.figures as unknown as FiledFigures,
  };
}

/** A filing in a list: everything but the figures. */
export type FiledReportSummary = Omit<FiledReport, 'figures'>;

export function summaryOf(filing: FiledReport): FiledReportSummary {
  const { figures: _figures, ...summary } = filing;
  return summary;
}
